import { expect, test } from 'vitest';
import {
  UNKNOWN,
  formatBitrate,
  formatCount,
  formatFps,
  formatMs,
  formatRatio,
  formatResolution,
} from './format';

test.each([
  [formatBitrate(undefined), UNKNOWN],
  [formatBitrate(Number.NaN), UNKNOWN],
  [formatBitrate(0), '0 kbps'],
  [formatBitrate(849_600), '850 kbps'],
  [formatBitrate(1_372_000), '1.4 Mbps'],
  [formatBitrate(12_400_000), '12 Mbps'],
  [formatBitrate(1_372_000, 'de-DE'), '1,4 Mbps'],
  [formatRatio(undefined), UNKNOWN],
  [formatRatio(0), '0 %'],
  [formatRatio(0.0504), '5.0 %'],
  [formatRatio(0.1208), '12 %'],
  [formatMs(null), UNKNOWN],
  [formatMs(3.4), '3 ms'],
  [formatMs(1234), '1.2 s'],
  [formatFps(19.7), '20 fps'],
  [formatResolution(1280, 720), '1280 × 720'],
  [formatCount(1200), '1,200'],
  [formatCount(undefined), UNKNOWN],
  [formatResolution(1280, undefined), UNKNOWN],
])('%s', (formatted, expected) => {
  expect(formatted).toBe(expected);
});
