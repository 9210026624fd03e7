import { expect, test } from 'vitest';
import { createRollingWindow, smooth } from './rolling-window';

test('summarises the last span, forgetting older buckets', () => {
  const window = createRollingWindow({ spanMs: 5000, bucketMs: 1000 });
  for (let s = 0; s < 10; s++) window.add(s * 1000 + 10, s);
  // At t = 9.5 s the window holds seconds 5–9.
  expect(window.summary(9500)).toEqual({ count: 5, min: 5, mean: 7, max: 9 });
  expect(window.series(9500)).toEqual([5, 6, 7, 8, 9]);
  // Two seconds of silence later, only 7–9 remain, and empty buckets read as unknown.
  expect(window.summary(11_500)).toEqual({ count: 3, min: 7, mean: 8, max: 9 });
  expect(window.series(11_500)).toEqual([7, 8, 9, undefined, undefined]);
});

test('several values in one bucket, unknown values and stale writes', () => {
  const window = createRollingWindow({ spanMs: 3000, bucketMs: 1000 });
  window.add(100, 10);
  window.add(900, 20);
  window.add(950, undefined);
  window.add(960, Number.NaN);
  expect(window.summary(999)).toEqual({ count: 2, min: 10, mean: 15, max: 20 });
  window.add(5000, 1);
  window.add(2000, 99); // the slot now holds a newer second: ignored
  expect(window.summary(5000)).toEqual({ count: 1, min: 1, mean: 1, max: 1 });
  expect(createRollingWindow().summary(0)).toEqual({
    count: 0,
    min: undefined,
    mean: undefined,
    max: undefined,
  });
});

test('memory is a fixed ring: a day of samples in a minute-long window', () => {
  const window = createRollingWindow({ spanMs: 60_000, bucketMs: 1000 });
  for (let t = 0; t < 86_400_000; t += 1000) window.add(t, t % 7);
  expect(window.series(86_399_000)).toHaveLength(60);
});

test('smooth follows at the rate alpha and skips unknowns', () => {
  expect(smooth(undefined, 10)).toBe(10);
  expect(smooth(10, 20, 0.5)).toBe(15);
  expect(smooth(10, undefined)).toBe(10);
});
