import { expect, test } from 'vitest';
import { pair } from '../test/fixtures';
import { computeSample } from './sample';
import { levelOf, qualityScore, sampleQuality, smoothScore } from './quality';

// LiveKit's scorer documents these transitions; ours must agree.
test.each([
  ['video, no loss', { lossRatio: 0, kind: 'video' }, 'excellent'],
  ['video, 1.9 % loss', { lossRatio: 0.019, kind: 'video' }, 'excellent'],
  ['video, 2 % loss falls to good', { lossRatio: 0.02, kind: 'video' }, 'good'],
  ['video, 6 % loss falls to poor', { lossRatio: 0.06, kind: 'video' }, 'poor'],
  ['audio, 2.5 % loss falls to good', { lossRatio: 0.025, kind: 'audio' }, 'good'],
  ['audio, 7.5 % loss falls to poor', { lossRatio: 0.075, kind: 'audio' }, 'poor'],
  ['video, 8 % loss is lost', { lossRatio: 0.08, kind: 'video' }, 'lost'],
  [
    '600 ms RTT and 40 ms jitter: delay 380, score 74',
    { lossRatio: 0, rttMs: 600, jitterMs: 40 },
    'good',
  ],
  ['disconnected', { lossRatio: 0, connected: false }, 'lost'],
] as const)('%s → %s', (_name, input, level) => {
  expect(qualityScore(input)?.level).toBe(level);
});

test('the delay effect follows LiveKit: delay/40, then (delay − 120)/10 above 160 ms', () => {
  expect(qualityScore({ rttMs: 100, jitterMs: 10 })?.score).toBeCloseTo(100 - 70 / 40, 10);
  expect(qualityScore({ rttMs: 400, jitterMs: 10 })?.score).toBeCloseTo(100 - (220 - 120) / 10, 10);
  expect(qualityScore({ lossRatio: 0 })?.mos).toBeCloseTo(4.5, 10);
  expect(qualityScore({})).toBeUndefined();
  expect(levelOf(80.0001)).toBe('excellent');
});

test('scores drop fast and recover slowly', () => {
  expect(smoothScore(undefined, 50)).toBe(50);
  expect(smoothScore(100, 50)).toBe(60);
  expect(smoothScore(50, 100)).toBe(70);
});

test('the quality of a recorded viewer and host', () => {
  const viewer = sampleQuality(computeSample(...pair('subscriber', 1)), 'download');
  expect(viewer?.level).toBe('excellent');
  const host = sampleQuality(computeSample(...pair('publisher-simulcast')), 'upload');
  expect(host?.level).toBe('excellent');
  expect(sampleQuality(computeSample(...pair('subscriber', 1)), 'download', false)?.level).toBe(
    'lost',
  );
});
