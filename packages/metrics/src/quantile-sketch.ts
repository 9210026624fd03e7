/**
 * A mergeable quantile sketch with relative accuracy (the DDSketch idea): values fall into
 * logarithmic buckets, so any quantile is within `relativeAccuracy` of a true value, in memory set
 * by the range of values, never by how many were added. Two sketches merge by adding counts.
 */
export interface QuantileSketch {
  add(value: number, count?: number): void;
  /** The q-quantile (0–1) of what was added, or undefined when empty. */
  quantile(q: number): number | undefined;
  merge(other: QuantileSketch): void;
  clear(): void;
  readonly count: number;
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** Internal state for merging; treat as opaque. */
  readonly state: SketchState;
}

export interface SketchState {
  readonly gamma: number;
  readonly counts: Float64Array;
  readonly offset: number;
  zeros: number;
}

export interface QuantileSketchOptions {
  /** Default 0.01: a reported p95 is within 1 % of a value that truly is the p95. */
  relativeAccuracy?: number;
  /** Smallest value told apart from zero; default 1e-6 (loss ratios down to one in a million). */
  minValue?: number;
  /** Largest value kept exactly; larger ones count in the top bucket. Default 1e10. */
  maxValue?: number;
}

export function createQuantileSketch(options: QuantileSketchOptions = {}): QuantileSketch {
  const { relativeAccuracy = 0.01, minValue = 1e-6, maxValue = 1e10 } = options;
  const gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
  const logGamma = Math.log(gamma);
  const offset = Math.floor(Math.log(minValue) / logGamma);
  const size = Math.ceil(Math.log(maxValue) / logGamma) - offset + 1;
  // One fixed array: for the defaults about 2,200 buckets, 17.6 kB, whatever the audience.
  const state: SketchState = { gamma, counts: new Float64Array(size), offset, zeros: 0 };
  let count = 0;
  let min: number | undefined;
  let max: number | undefined;

  const bucketOf = (value: number) =>
    Math.min(size - 1, Math.max(0, Math.ceil(Math.log(value) / logGamma) - offset));
  // The bucket's representative value: within relativeAccuracy of anything in the bucket.
  const valueOf = (bucket: number) => (2 * gamma ** (bucket + offset)) / (gamma + 1);

  return {
    add(value, times = 1) {
      if (!Number.isFinite(value) || value < 0 || times <= 0) return;
      if (value < minValue) state.zeros += times;
      else {
        const bucket = bucketOf(value);
        state.counts[bucket] = (state.counts[bucket] ?? 0) + times;
      }
      count += times;
      min = min === undefined || value < min ? value : min;
      max = max === undefined || value > max ? value : max;
    },
    quantile(q) {
      if (count === 0 || !(q >= 0 && q <= 1)) return undefined;
      if (q === 0) return min;
      if (q === 1) return max;
      const rank = q * (count - 1);
      if (rank < state.zeros) return 0;
      let seen = state.zeros;
      const { counts } = state;
      for (let bucket = 0; bucket < counts.length; bucket++) {
        seen += counts[bucket] as number;
        if (seen > rank) return Math.min(max ?? Infinity, Math.max(min ?? 0, valueOf(bucket)));
      }
      return max;
    },
    merge(other) {
      if (
        other.state.gamma !== gamma ||
        other.state.offset !== offset ||
        other.state.counts.length !== size
      ) {
        throw new RangeError('Only sketches made with the same options merge.');
      }
      const { counts } = other.state;
      for (let bucket = 0; bucket < size; bucket++) {
        const c = counts[bucket] as number;
        if (c !== 0) state.counts[bucket] = (state.counts[bucket] as number) + c;
      }
      state.zeros += other.state.zeros;
      count += other.count;
      if (other.min !== undefined) min = min === undefined ? other.min : Math.min(min, other.min);
      if (other.max !== undefined) max = max === undefined ? other.max : Math.max(max, other.max);
    },
    clear() {
      state.counts.fill(0);
      state.zeros = 0;
      count = 0;
      min = undefined;
      max = undefined;
    },
    get count() {
      return count;
    },
    get min() {
      return min;
    },
    get max() {
      return max;
    },
    state,
  };
}
