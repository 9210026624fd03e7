// How the dashboard previewer draws a panel: Prometheus series as SVG paths, axis ticks, values in
// the panel's Grafana unit, legend names from legendFormat, and a stat's value mappings and
// threshold colours. Pure functions, no I/O.

/** Grafana's classic palette, in its order, and the named colours the dashboard uses. */
export const PALETTE = [
  '#73BF69',
  '#F2CC0C',
  '#8AB8FF',
  '#FF780A',
  '#F2495C',
  '#5794F2',
  '#B877D9',
  '#705DA0',
  '#37872D',
  '#FADE2A',
];
const NAMED = /** @type {Record<string, string>} */ ({
  green: '#73BF69',
  red: '#F2495C',
  blue: '#5794F2',
  yellow: '#FADE2A',
  orange: '#FF9830',
  purple: '#B877D9',
  text: '#8e8e99',
});

/** @param {string} color a Grafana colour name or a CSS colour */
export function cssColor(color) {
  return NAMED[color] ?? color;
}

/**
 * A series' name in the legend: `legendFormat` with `{{label}}` replaced by the series' labels, or
 * the series as Prometheus writes it when there is no format.
 * @param {string | undefined} format
 * @param {Record<string, string>} labels
 */
export function legendName(format, labels) {
  if (format && format !== '__auto') {
    return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => labels[name] ?? '');
  }
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.entries(rest).map(([key, value]) => `${key}="${value}"`);
  return pairs.length > 0 ? `${name}{${pairs.join(', ')}}` : name || '{}';
}

/**
 * Samples as numbers, with Prometheus's NaN and infinities dropped.
 * @param {Array<[number, string]>} values
 * @returns {Array<[number, number]>}
 */
export function samples(values) {
  return values
    .map(([time, value]) => /** @type {[number, number]} */ ([time, Number(value)]))
    .filter(([, value]) => Number.isFinite(value));
}

/**
 * @typedef {object} Frame where a plot sits and what it shows
 * @property {number} width px
 * @property {number} height px
 * @property {number} start first time (s)
 * @property {number} end last time (s)
 * @property {number} min lowest value
 * @property {number} max highest value
 */

/**
 * An SVG path for `points` (time in seconds, value) in `frame`, broken where samples are missing
 * (more than 1.5 steps apart), as Grafana breaks a line at nulls. A sample alone between gaps is
 * a zero-length segment: drawn with round line caps, it shows as a dot.
 * @param {Array<[number, number]>} points
 * @param {Frame} frame
 * @param {number} step seconds between samples
 */
export function seriesPath(points, frame, step) {
  const span = frame.end - frame.start || 1;
  const range = frame.max - frame.min || 1;
  const x = (/** @type {number} */ t) => ((t - frame.start) / span) * frame.width;
  const y = (/** @type {number} */ v) => frame.height - ((v - frame.min) / range) * frame.height;
  const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;
  /** @type {string[][]} */
  const segments = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const [time, value] of points) {
    if (time - previous > step * 1.5) segments.push([]);
    segments.at(-1)?.push(`${round(x(time))},${round(y(value))}`);
    previous = time;
  }
  return segments
    .map(([first, ...rest]) => `M${first} ${rest.length > 0 ? `L${rest.join(' L')}` : 'l0,0'}`)
    .join(' ');
}

/**
 * Round axis ticks from `min` to at least `max`: steps of 1, 2 or 5 × 10ⁿ (whole numbers only
 * when `integer`), about `count` of them.
 * @param {number} min
 * @param {number} max
 * @param {number} [count]
 * @param {{ integer?: boolean }} [options]
 */
export function niceTicks(min, max, count = 4, { integer = false } = {}) {
  if (!(max > min)) return [min, min + 1];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const step = integer ? Math.max(1, Math.round(nice)) : nice;
  /** @type {number[]} */
  const ticks = [];
  const first = Math.floor(min / step) * step;
  for (let tick = first; tick < max + step * 0.999; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

/**
 * The value axis's ticks for a panel in `unit`: round in the unit's own scale (bytes in KiB, MiB…,
 * so 128 MiB rather than 134.2 MB), whole numbers when the panel shows no decimals.
 * @param {number} min
 * @param {number} max
 * @param {{ unit?: string | undefined, decimals?: number | undefined, count?: number }} options
 */
export function axisTicks(min, max, { unit, decimals, count = 4 }) {
  const integer = decimals === 0;
  if (unit !== 'bytes' || max < 1024) return niceTicks(min, max, count, { integer });
  const scale = 1024 ** Math.floor(Math.log(max) / Math.log(1024));
  return niceTicks(min / scale, max / scale, count).map((tick) => tick * scale);
}

/**
 * @param {number} value
 * @param {number | undefined} decimals
 */
function fixed(value, decimals) {
  if (decimals !== undefined) return value.toFixed(decimals);
  if (value === 0) return '0';
  const size = Math.abs(value);
  const places = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;
  return String(Number(value.toFixed(places)));
}

/**
 * `value` scaled by powers of `base` with `units` (the first for 1), as Grafana's SI and IEC units.
 * @param {number} value
 * @param {number} base
 * @param {string[]} units
 * @param {number | undefined} decimals
 */
function scaled(value, base, units, decimals) {
  let index = 0;
  let size = value;
  while (Math.abs(size) >= base && index < units.length - 1) {
    size /= base;
    index += 1;
  }
  return `${fixed(size, index === 0 ? decimals : undefined)} ${units[index]}`.trim();
}

/**
 * A value as Grafana shows it in `unit` (the units this project's dashboard uses, and any
 * `suffix:…` unit).
 * @param {number} value
 * @param {string | undefined} unit
 * @param {number} [decimals]
 */
export function formatValue(value, unit, decimals) {
  if (!Number.isFinite(value)) return String(value);
  if (unit?.startsWith('suffix:')) return `${fixed(value, decimals)} ${unit.slice(7)}`;
  switch (unit) {
    case 'percent':
      return `${fixed(value, decimals)}%`;
    case 'percentunit':
      return `${fixed(value * 100, decimals)}%`;
    case 'bytes':
      return scaled(value, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB'], decimals);
    case 'bps':
      return scaled(value, 1000, ['b/s', 'kb/s', 'Mb/s', 'Gb/s'], decimals);
    case 'Bps':
      return scaled(value, 1000, ['B/s', 'kB/s', 'MB/s', 'GB/s'], decimals);
    case 'pps':
      return scaled(value, 1000, ['p/s', 'kp/s', 'Mp/s'], decimals);
    case 'reqps':
      return `${fixed(value, decimals)} req/s`;
    case 'ms':
      return Math.abs(value) >= 1000
        ? `${fixed(value / 1000, decimals)} s`
        : `${fixed(value, decimals)} ms`;
    case 's': {
      const size = Math.abs(value);
      if (size === 0) return '0 s';
      if (size < 0.001) return `${fixed(value * 1e6, decimals)} µs`;
      if (size < 1) return `${fixed(value * 1000, decimals)} ms`;
      if (size < 60) return `${fixed(value, decimals)} s`;
      return `${fixed(value / 60, decimals)} min`;
    }
    default:
      return scaled(value, 1000, ['', 'K', 'Mil', 'Bil'], decimals);
  }
}

/**
 * What a stat shows for `value`: a value mapping's text and colour if one matches, else the value
 * in its unit, coloured by the last threshold step at or below it.
 * @param {number} value
 * @param {import('./grafana-dashboard.mjs').FieldDefaults} defaults
 */
export function statDisplay(value, defaults) {
  const steps = defaults.thresholds?.steps ?? [];
  let color = steps[0]?.color ?? 'green';
  for (const step of steps) if (step.value !== null && value >= step.value) color = step.color;
  for (const mapping of defaults.mappings ?? []) {
    const hit = mapping.type === 'value' ? mapping.options[String(value)] : undefined;
    if (hit) return { text: hit.text ?? String(value), color: cssColor(hit.color ?? color) };
  }
  return { text: formatValue(value, defaults.unit, defaults.decimals), color: cssColor(color) };
}
