/** min / mean / max of the values in a window; undefined figures when it holds none. */
export interface WindowSummary {
  count: number;
  min: number | undefined;
  mean: number | undefined;
  max: number | undefined;
}

export interface RollingWindow {
  /** Adds a value at a time (ms). Values older than the window, or unknown, are ignored. */
  add(timestampMs: number, value: number | undefined): void;
  summary(nowMs: number): WindowSummary;
  /** Bucket means from oldest to newest (undefined where a bucket got nothing): a sparkline. */
  series(nowMs: number): Array<number | undefined>;
}

export interface RollingWindowOptions {
  /** Default 60,000 ms. */
  spanMs?: number;
  /** Default 1,000 ms; the window keeps spanMs / bucketMs buckets and nothing more. */
  bucketMs?: number;
}

/** A fixed ring of buckets: bounded memory however long the show runs. */
export function createRollingWindow({
  spanMs = 60_000,
  bucketMs = 1000,
}: RollingWindowOptions = {}): RollingWindow {
  const size = Math.max(1, Math.ceil(spanMs / bucketMs));
  const epochs = new Float64Array(size).fill(-1);
  const counts = new Float64Array(size);
  const sums = new Float64Array(size);
  const mins = new Float64Array(size);
  const maxs = new Float64Array(size);

  const epochOf = (ms: number) => Math.floor(ms / bucketMs);
  const live = (slot: number, newest: number) => {
    const epoch = epochs[slot] as number;
    return epoch >= 0 && epoch > newest - size && epoch <= newest;
  };

  return {
    add(timestampMs, value) {
      if (value === undefined || !Number.isFinite(value)) return;
      const epoch = epochOf(timestampMs);
      const slot = epoch % size;
      if (epochs[slot] !== epoch) {
        if ((epochs[slot] as number) > epoch) return; // older than what the slot holds now
        epochs[slot] = epoch;
        counts[slot] = 0;
        sums[slot] = 0;
        mins[slot] = Infinity;
        maxs[slot] = -Infinity;
      }
      counts[slot] = (counts[slot] as number) + 1;
      sums[slot] = (sums[slot] as number) + value;
      mins[slot] = Math.min(mins[slot] as number, value);
      maxs[slot] = Math.max(maxs[slot] as number, value);
    },
    summary(nowMs) {
      const newest = epochOf(nowMs);
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let slot = 0; slot < size; slot++) {
        if (!live(slot, newest)) continue;
        count += counts[slot] as number;
        sum += sums[slot] as number;
        min = Math.min(min, mins[slot] as number);
        max = Math.max(max, maxs[slot] as number);
      }
      return count === 0
        ? { count, min: undefined, mean: undefined, max: undefined }
        : { count, min, mean: sum / count, max };
    },
    series(nowMs) {
      const newest = epochOf(nowMs);
      const out: Array<number | undefined> = [];
      for (let epoch = newest - size + 1; epoch <= newest; epoch++) {
        const slot = ((epoch % size) + size) % size;
        out.push(
          epochs[slot] === epoch && (counts[slot] as number) > 0
            ? (sums[slot] as number) / (counts[slot] as number)
            : undefined,
        );
      }
      return out;
    },
  };
}

/**
 * Exponential smoothing for a jumpy figure: `alpha` near 1 follows the newest value, near 0
 * changes slowly. Unknown values leave the smoothed one as it was.
 */
export function smooth(
  previous: number | undefined,
  value: number | undefined,
  alpha = 0.3,
): number | undefined {
  if (value === undefined) return previous;
  return previous === undefined ? value : previous + alpha * (value - previous);
}
