import { describe, expect, test } from 'vitest';
import { createQuantileSketch } from './quantile-sketch';

/** A deterministic pseudo-random sequence (mulberry32), so failures reproduce. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function exactQuantile(sorted: number[], q: number) {
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

describe('createQuantileSketch', () => {
  test.each([
    [
      'log-normal bitrates',
      (r: () => number) =>
        Math.exp(13 + 0.8 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r())),
    ],
    ['uniform RTTs', (r: () => number) => 5 + 300 * r()],
    ['loss ratios, mostly zero', (r: () => number) => (r() < 0.7 ? 0 : r() * 0.2)],
  ])('%s: every quantile within 1 %% of the exact one', (_name, draw) => {
    const next = random(42);
    const values = Array.from({ length: 20_000 }, () => draw(next));
    const sketch = createQuantileSketch();
    for (const value of values) sketch.add(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.01, 0.25, 0.5, 0.9, 0.95, 0.99]) {
      const exact = exactQuantile(sorted, q);
      const estimate = sketch.quantile(q) as number;
      if (exact === 0) expect(estimate).toBe(0);
      else expect(Math.abs(estimate - exact) / exact, `q=${q}`).toBeLessThanOrEqual(0.0101);
    }
    expect(sketch.count).toBe(20_000);
    expect(sketch.min).toBe(sorted[0]);
    expect(sketch.max).toBe(sorted.at(-1));
  });

  test('merging two halves equals one sketch of everything', () => {
    const next = random(7);
    const values = Array.from({ length: 5000 }, () => 1000 + next() * 1e6);
    const whole = createQuantileSketch();
    const left = createQuantileSketch();
    const right = createQuantileSketch();
    values.forEach((v, i) => {
      whole.add(v);
      (i % 2 ? left : right).add(v);
    });
    left.merge(right);
    for (const q of [0.5, 0.95, 0.99]) expect(left.quantile(q)).toBe(whole.quantile(q));
    expect(left.count).toBe(whole.count);
  });

  test('memory is set by the options, not by how many values were added', () => {
    const small = createQuantileSketch();
    const before = small.state.counts.byteLength;
    for (let i = 0; i < 100_000; i++) small.add(i);
    expect(small.state.counts.byteLength).toBe(before);
    expect(before).toBeLessThan(20_000);
  });

  test('empty, out-of-range and invalid input', () => {
    const sketch = createQuantileSketch();
    expect(sketch.quantile(0.5)).toBeUndefined();
    sketch.add(Number.NaN);
    sketch.add(-1);
    sketch.add(Number.POSITIVE_INFINITY);
    expect(sketch.count).toBe(0);
    sketch.add(5);
    expect(sketch.quantile(1.5)).toBeUndefined();
    expect(sketch.quantile(0.5)).toBe(5);
    expect(() => sketch.merge(createQuantileSketch({ relativeAccuracy: 0.02 }))).toThrow(
      RangeError,
    );
  });
});
