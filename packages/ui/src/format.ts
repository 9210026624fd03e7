// Units as people read them. Every formatter shows "—" for an unknown figure: never a made-up 0.

export const UNKNOWN = '—';

const cache = new Map<string, Intl.NumberFormat>();
function number(locale: string | undefined, digits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}:${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
    cache.set(key, format);
  }
  return format;
}

const known = (value: number | undefined | null): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 850 kbps, 1.4 Mbps, 12 Mbps. */
export function formatBitrate(bps: number | undefined | null, locale?: string): string {
  if (!known(bps)) return UNKNOWN;
  if (bps < 1_000_000) return `${number(locale, 0).format(bps / 1000)} kbps`;
  return `${number(locale, bps < 10_000_000 ? 1 : 0).format(bps / 1_000_000)} Mbps`;
}

/** 0.4 %, 5 %, 12 %: loss as a percentage, one decimal below 10 %. */
export function formatRatio(ratio: number | undefined | null, locale?: string): string {
  if (!known(ratio)) return UNKNOWN;
  const percent = ratio * 100;
  return `${number(locale, percent > 0 && percent < 10 ? 1 : 0).format(percent)} %`;
}

/** 3 ms, 48 ms, 1.2 s. */
export function formatMs(ms: number | undefined | null, locale?: string): string {
  if (!known(ms)) return UNKNOWN;
  if (ms >= 1000) return `${number(locale, 1).format(ms / 1000)} s`;
  return `${number(locale, 0).format(ms)} ms`;
}

/** 20 fps. */
export function formatFps(fps: number | undefined | null, locale?: string): string {
  return known(fps) ? `${number(locale, 0).format(fps)} fps` : UNKNOWN;
}

/** 1280 × 720. */
export function formatResolution(
  width: number | undefined | null,
  height: number | undefined | null,
): string {
  return known(width) && known(height) ? `${width} × ${height}` : UNKNOWN;
}

/** 1,200 viewers: a whole count. */
export function formatCount(count: number | undefined | null, locale?: string): string {
  return known(count) ? number(locale, 0).format(count) : UNKNOWN;
}

/** 3725000 → "1:02:05". */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
