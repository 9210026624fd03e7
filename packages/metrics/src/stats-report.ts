/** One statistics object, as `getStats()` gives it or as recorded to JSON. */
export interface RtcStatLike {
  readonly id: string;
  readonly type: string;
  readonly timestamp: number;
  readonly [field: string]: unknown;
}

/**
 * What `computeSample` reads: an `RTCStatsReport` (or any map of id → stat), or an iterable of
 * stats objects such as a recorded JSON array.
 */
export type StatsReportLike =
  { get(id: string): unknown; values(): Iterable<unknown> } | Iterable<RtcStatLike>;

/** Stats by id, indexed once per report. */
export type StatsIndex = ReadonlyMap<string, RtcStatLike>;

export function indexStats(report: StatsReportLike): StatsIndex {
  if (report instanceof Map) return report as StatsIndex;
  const index = new Map<string, RtcStatLike>();
  const items =
    'values' in report && typeof report.values === 'function'
      ? report.values()
      : (report as Iterable<unknown>);
  for (const item of items) {
    if (isStat(item)) index.set(item.id, item);
  }
  return index;
}

function isStat(value: unknown): value is RtcStatLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RtcStatLike).id === 'string' &&
    typeof (value as RtcStatLike).type === 'string' &&
    typeof (value as RtcStatLike).timestamp === 'number'
  );
}

/** A finite number field, or undefined: a figure the report lacks is unknown, never 0. */
export function num(stat: RtcStatLike | undefined, field: string): number | undefined {
  const value = stat?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function str(stat: RtcStatLike | undefined, field: string): string | undefined {
  const value = stat?.[field];
  return typeof value === 'string' ? value : undefined;
}

export function ofType(index: StatsIndex, type: string): RtcStatLike[] {
  const found: RtcStatLike[] = [];
  for (const stat of index.values()) if (stat.type === type) found.push(stat);
  return found;
}
