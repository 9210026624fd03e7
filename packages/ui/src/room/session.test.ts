import { describe, expect, test } from 'vitest';
import { backoffDelay, defaultRetryPolicy } from './session';

describe('retry backoff', () => {
  test('doubles from the base, is capped, and jitters by ±20 %', () => {
    const mid = () => 0.5;
    expect([2, 3, 4, 5, 6].map((n) => backoffDelay(n, defaultRetryPolicy, mid))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelay(2, defaultRetryPolicy, () => 0)).toBe(800);
    expect(backoffDelay(2, defaultRetryPolicy, () => 0.999999)).toBe(1200);
  });
});
