import { computeConnection, type ConnectionFigures } from './connection';
import { computeDownload, type DownloadFigures } from './download';
import { indexStats, type StatsIndex, type StatsReportLike } from './stats-report';
import { computeUpload, type UploadFigures } from './upload';

/** One measurement: what changed between two stats reports of the same connection(s). */
export interface StreamSample {
  /** The newest stats timestamp in the current report (ms since the epoch). */
  timestampMs: number;
  /** Since the previous report; undefined without one. */
  intervalMs: number | undefined;
  /** The interval was longer than `gapMs`: rates are averages over a long stretch. */
  gap: boolean;
  upload: UploadFigures;
  download: DownloadFigures;
  connection: ConnectionFigures;
}

export interface SampleOptions {
  /** An interval longer than this is flagged as a gap; default 5000 ms. */
  gapMs?: number;
}

/**
 * Pure: the figures between two reports. Rates need a previous report; a figure the report lacks
 * is undefined, never 0; a counter that went down makes that direction's rate undefined for this
 * interval (it re-baselines); a stream that disappeared is dropped, and one that appeared counts
 * from the next interval. When time did not move forward, rates are undefined.
 */
export function computeSample(
  previous: StatsReportLike | undefined,
  current: StatsReportLike,
  options: SampleOptions = {},
): StreamSample {
  const now = indexStats(current);
  const before = previous === undefined ? undefined : indexStats(previous);
  const timestampMs = newestTimestamp(now);
  const intervalMs = before === undefined ? undefined : timestampMs - newestTimestamp(before);
  const usable = intervalMs !== undefined && intervalMs > 0 ? before : undefined;
  return {
    timestampMs,
    intervalMs,
    gap: intervalMs !== undefined && intervalMs > (options.gapMs ?? 5000),
    upload: computeUpload(usable, now),
    download: computeDownload(usable, now),
    connection: computeConnection(now),
  };
}

function newestTimestamp(index: StatsIndex): number {
  let newest = 0;
  for (const stat of index.values()) if (stat.timestamp > newest) newest = stat.timestamp;
  return newest;
}
