import { MetricsError } from './metrics-error';
import type { StreamSample } from './sample';
import type { ConnectionState, SourceState } from './sources';

/**
 * What a viewer sends every few seconds: compact (about 120 bytes of JSON), versioned, and
 * validated on arrival. `null` is an unknown figure.
 */
export interface ViewerReport {
  v: 1;
  /** When measured: ms since the epoch, by the viewer's clock. */
  t: number;
  /** The probability with which this viewer reports (sampling); totals are scaled by 1/p. */
  p: number;
  /** Download bitrate, bit/s. */
  bps: number | null;
  /** Download loss, 0–1. */
  loss: number | null;
  /** ICE round-trip time, ms. */
  rtt: number | null;
  /** Jitter of the worst stream, ms. */
  jit: number | null;
  /** Frames decoded per second of the main picture. */
  fps: number | null;
  w: number | null;
  h: number | null;
  st: ConnectionState | null;
}

/** Larger reports are refused before parsing. */
export const MAX_VIEWER_REPORT_BYTES = 512;

const STATES = new Set<string>([
  'connecting',
  'connected',
  'reconnecting',
  'signal-reconnecting',
  'disconnected',
]);

// Field → [min, max]: anything outside is a malformed report, not a figure.
const RANGES: Record<'bps' | 'loss' | 'rtt' | 'jit' | 'fps' | 'w' | 'h', [number, number]> = {
  bps: [0, 10e9],
  loss: [0, 1],
  rtt: [0, 600_000],
  jit: [0, 600_000],
  fps: [0, 1000],
  w: [0, 16_384],
  h: [0, 16_384],
};

/** A viewer's report from its latest sample. */
export function toViewerReport(
  sample: StreamSample,
  state: SourceState,
  probability = 1,
): ViewerReport {
  const or = (value: number | undefined) => (value === undefined ? null : value);
  return {
    v: 1,
    t: Math.round(sample.timestampMs),
    p: probability,
    bps: or(
      sample.download.bitrateBps === undefined ? undefined : Math.round(sample.download.bitrateBps),
    ),
    loss: or(sample.download.lossRatio),
    rtt: or(sample.connection.rttMs),
    jit: or(sample.download.jitterMs),
    fps: or(sample.download.video?.fps),
    w: or(sample.download.video?.width),
    h: or(sample.download.video?.height),
    st: state.connectionState ?? null,
  };
}

export type ParsedViewerReport =
  { ok: true; report: ViewerReport } | { ok: false; error: MetricsError };

/**
 * Checks a report from the network (text or parsed JSON). Never throws: a bad report comes back
 * as `{ ok: false, error }` with a typed code, so no viewer can break the host's page.
 */
export function parseViewerReport(input: unknown): ParsedViewerReport {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_VIEWER_REPORT_BYTES)
      return fail('report_too_large', `A report is at most ${MAX_VIEWER_REPORT_BYTES} bytes.`);
    try {
      value = JSON.parse(input);
    } catch (cause) {
      return fail('invalid_report', 'The report is not JSON.', cause);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('invalid_report', 'A report is a JSON object.');
  const raw = value as Record<string, unknown>;
  if (raw.v !== 1) return fail('unsupported_version', 'Only version 1 reports are understood.');
  const keys = Object.keys(raw);
  if (keys.length > 12) return fail('invalid_report', 'The report has unknown fields.');
  if (typeof raw.t !== 'number' || !Number.isFinite(raw.t) || raw.t < 0)
    return fail('invalid_report', 't must be a time in ms.');
  if (typeof raw.p !== 'number' || !(raw.p > 0 && raw.p <= 1))
    return fail('invalid_report', 'p must be a probability above 0.');
  const report: ViewerReport = {
    v: 1,
    t: raw.t,
    p: raw.p,
    bps: null,
    loss: null,
    rtt: null,
    jit: null,
    fps: null,
    w: null,
    h: null,
    st: null,
  };
  for (const [field, [min, max]] of Object.entries(RANGES) as Array<
    [keyof typeof RANGES, [number, number]]
  >) {
    const figure = raw[field];
    if (figure === undefined || figure === null) continue;
    if (typeof figure !== 'number' || !Number.isFinite(figure) || figure < min || figure > max) {
      return fail('invalid_report', `${field} must be a number from ${min} to ${max}, or null.`);
    }
    report[field] = figure;
  }
  if (raw.st !== undefined && raw.st !== null) {
    if (typeof raw.st !== 'string' || !STATES.has(raw.st))
      return fail('invalid_report', 'st is not a connection state.');
    report.st = raw.st as ConnectionState;
  }
  for (const key of keys) {
    if (!(key in report)) return fail('invalid_report', 'The report has unknown fields.');
  }
  return { ok: true, report };
}

function fail(
  code: 'invalid_report' | 'report_too_large' | 'unsupported_version',
  message: string,
  cause?: unknown,
): ParsedViewerReport {
  return { ok: false, error: new MetricsError(code, message, { cause }) };
}

/**
 * How likely each viewer should report so the whole audience sends about
 * `targetReportsPerSecond`: 1 for small shows, 0.1 for 10,000 viewers at the defaults.
 */
export function reportingProbability(
  viewers: number,
  {
    intervalMs = 5000,
    targetReportsPerSecond = 200,
  }: { intervalMs?: number; targetReportsPerSecond?: number } = {},
): number {
  if (!(viewers > 0)) return 1;
  return Math.min(1, (targetReportsPerSecond * intervalMs) / 1000 / viewers);
}
