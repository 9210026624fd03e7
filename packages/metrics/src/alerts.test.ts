import { describe, expect, test } from 'vitest';
import { pair } from '../test/fixtures';
import { createAlertMonitor, defaultAlertRules, type AlertRule } from './alerts';
import type { CollectedSample } from './collector';
import { computeSample } from './sample';
import type { ConnectionState } from './sources';

const base = computeSample(...pair('subscriber', 1));

/** A real sample with chosen figures, at a chosen time. */
function at(
  seconds: number,
  figures: {
    loss?: number | undefined;
    frames?: number;
    upload?: number;
    state?: ConnectionState;
  } = {},
): CollectedSample {
  return {
    sample: {
      ...base,
      timestampMs: seconds * 1000,
      upload: { ...base.upload, bitrateBps: figures.upload },
      download: {
        ...base.download,
        lossRatio: 'loss' in figures ? figures.loss : 0,
        video: base.download.video && {
          ...base.download.video,
          framesDecodedDelta: figures.frames ?? 20,
        },
      },
    },
    state: {
      connectionState: figures.state ?? 'connected',
      disconnectReason: undefined,
      quality: 'good',
    },
  };
}

function run(monitor: ReturnType<typeof createAlertMonitor>, samples: CollectedSample[]) {
  return samples.flatMap((s) =>
    monitor.update(s).map((e) => `${e.atMs / 1000}s ${e.type} ${e.id}`),
  );
}

describe('createAlertMonitor', () => {
  const lossOnly: AlertRule[] = defaultAlertRules.filter((r) => r.id === 'download-loss');

  test('loss above 5 % raises after 5 s, not before, and clears only below 3 % (hysteresis)', () => {
    const monitor = createAlertMonitor(lossOnly);
    const samples = [
      ...[0, 1, 2, 3, 4].map((s) => at(s, { loss: 0.08 })),
      at(5, { loss: 0.08 }),
      at(6, { loss: 0.04 }), // between 3 % and 5 %: still raised
      ...[7, 8, 9, 10, 11, 12].map((s) => at(s, { loss: 0.01 })),
    ];
    expect(run(monitor, samples)).toEqual(['5s raised download-loss', '12s cleared download-loss']);
  });

  test('a blip shorter than the minimum duration raises nothing', () => {
    const monitor = createAlertMonitor(lossOnly);
    expect(
      run(monitor, [
        at(0, { loss: 0.2 }),
        at(1, { loss: 0.2 }),
        at(2, { loss: 0 }),
        at(3, { loss: 0.2 }),
      ]),
    ).toEqual([]);
    expect(monitor.active()).toEqual([]);
  });

  test('unknown figures neither raise nor clear', () => {
    const monitor = createAlertMonitor(lossOnly);
    const samples = [
      ...[0, 5].map((s) => at(s, { loss: 0.1 })),
      ...[6, 20].map((s) => at(s, { loss: undefined })),
    ];
    expect(run(monitor, samples)).toEqual(['5s raised download-loss']);
    expect(monitor.active()).toEqual([
      { id: 'download-loss', severity: 'warning', message: expect.any(String), sinceMs: 5000 },
    ]);
  });

  test('no decoded frames for 3 s, and reconnecting at once', () => {
    const monitor = createAlertMonitor(
      defaultAlertRules.filter((r) => r.id === 'frozen-video' || r.id === 'reconnecting'),
    );
    const samples = [
      at(0),
      at(1, { frames: 0 }),
      at(2, { frames: 0 }),
      at(4, { frames: 0 }),
      at(5, { state: 'reconnecting', frames: 0 }),
      at(6, { frames: 5 }),
      at(7, { frames: 5 }),
    ];
    expect(run(monitor, samples)).toEqual([
      '4s raised frozen-video',
      '5s raised reconnecting',
      '6s cleared reconnecting',
      '7s cleared frozen-video',
    ]);
  });

  test('an upload collapse against its own 30 s baseline', () => {
    const monitor = createAlertMonitor(defaultAlertRules.filter((r) => r.id === 'upload-collapse'));
    const steady = Array.from({ length: 20 }, (_, s) => at(s, { upload: 1_500_000 }));
    const collapsed = [20, 21, 22, 23].map((s) => at(s, { upload: 200_000 }));
    const recovered = [24, 25, 26, 27].map((s) => at(s, { upload: 1_400_000 }));
    expect(run(monitor, [...steady, ...collapsed, ...recovered])).toEqual([
      '23s raised upload-collapse',
      '27s cleared upload-collapse',
    ]);
  });
});
