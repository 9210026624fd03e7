import { describe, expect, test } from 'vitest';
import { pair } from '../test/fixtures';
import { readFigure, type ActiveAlert } from './alerts';
import { headlineJitterMs, roundTripMs, streamHealth, worstAlert } from './health';
import { computeSample, type StreamSample } from './sample';

const base = computeSample(...pair('subscriber', 1));
const CONNECTED = {
  connectionState: 'connected',
  disconnectReason: undefined,
  quality: 'good',
} as const;
const withFigures = (figures: {
  connectionRtt?: number | undefined;
  uploadRtt?: number | undefined;
  downloadJitter?: number | undefined;
  uploadJitter?: number | undefined;
}): StreamSample => ({
  ...base,
  connection: { ...base.connection, rttMs: figures.connectionRtt },
  upload: { ...base.upload, rttMs: figures.uploadRtt, jitterMs: figures.uploadJitter },
  download: { ...base.download, jitterMs: figures.downloadJitter },
});

describe('the headline figures: one round trip and one jitter, shown and alerted on alike', () => {
  test.each([
    { figures: { connectionRtt: 40, uploadRtt: 90 }, rtt: 40 },
    { figures: { connectionRtt: undefined, uploadRtt: 90 }, rtt: 90 },
    { figures: {}, rtt: undefined },
  ])('round trip $rtt from $figures', ({ figures, rtt }) => {
    const sample = withFigures(figures);
    expect(roundTripMs(sample)).toBe(rtt);
    expect(readFigure({ sample, state: CONNECTED }, 'rttMs')).toBe(rtt);
  });

  test.each([
    { figures: { downloadJitter: 12, uploadJitter: 30 }, jitter: 12 },
    { figures: { downloadJitter: undefined, uploadJitter: 30 }, jitter: 30 },
    { figures: {}, jitter: undefined },
  ])('jitter $jitter from $figures', ({ figures, jitter }) => {
    const sample = withFigures(figures);
    expect(headlineJitterMs(sample)).toBe(jitter);
    expect(readFigure({ sample, state: CONNECTED }, 'jitterMs')).toBe(jitter);
  });
});

describe('health', () => {
  const warning: ActiveAlert = { id: 'w', severity: 'warning', message: 'Loss', sinceMs: 0 };
  const critical: ActiveAlert = { id: 'c', severity: 'critical', message: 'Down', sinceMs: 0 };

  test('unknown until measured, then ok, unless an alert is active; the worst one speaks', () => {
    expect(streamHealth(false)).toBe('unknown');
    expect(streamHealth(true)).toBe('ok');
    expect(streamHealth(false, [warning])).toBe('warning');
    expect(streamHealth(true, [warning, critical])).toBe('critical');
    expect(worstAlert([warning, critical])).toBe(critical);
    expect(worstAlert([warning])).toBe(warning);
    expect(worstAlert([])).toBeUndefined();
  });
});
