import { describe, expect, test } from 'vitest';
import { bitrateBps } from './rate';

describe('bitrateBps', () => {
  test.each([
    ['first reading has no rate', undefined, { bytes: 1000, timestampMs: 1000 }, undefined],
    [
      '125 kB over one second is 1 Mbps',
      { bytes: 0, timestampMs: 0 },
      { bytes: 125_000, timestampMs: 1000 },
      1_000_000,
    ],
    [
      'half a second doubles the rate',
      { bytes: 0, timestampMs: 0 },
      { bytes: 62_500, timestampMs: 500 },
      1_000_000,
    ],
    [
      'no new bytes is zero, not unknown',
      { bytes: 10, timestampMs: 0 },
      { bytes: 10, timestampMs: 1000 },
      0,
    ],
    [
      'time standing still is skipped',
      { bytes: 0, timestampMs: 1000 },
      { bytes: 500, timestampMs: 1000 },
      undefined,
    ],
    [
      'time going back is skipped',
      { bytes: 0, timestampMs: 2000 },
      { bytes: 500, timestampMs: 1000 },
      undefined,
    ],
    [
      'a counter reset is never a negative rate',
      { bytes: 9000, timestampMs: 0 },
      { bytes: 100, timestampMs: 1000 },
      undefined,
    ],
  ])('%s', (_name, previous, current, expected) => {
    expect(bitrateBps(previous, current)).toBe(expected);
  });
});
