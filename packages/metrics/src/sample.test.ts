// Table-driven over stats recorded from real Chromium sessions on livekit-server. Expected
// figures were computed independently from the fixture JSON (by hand, in Python), not by this code.
import { describe, expect, test } from 'vitest';
import { pair, snapshots } from '../test/fixtures';
import { computeSample } from './sample';
import type { RtcStatLike } from './stats-report';

const close = (value: number | undefined, expected: number, digits = 3) => {
  expect(value).toBeDefined();
  expect(value).toBeCloseTo(expected, digits);
};

describe('computeSample over recorded reports', () => {
  test('a simulcast publisher: media bytes summed over three layers and audio', () => {
    const [previous, current] = pair('publisher-simulcast');
    const { upload, download, connection, intervalMs, gap } = computeSample(previous, current);
    close(upload.audioBitrateBps, 76853.79085429606);
    close(upload.videoBitrateBps, 115119.07968461231 + 297032.92497682036 + 823941.379886072);
    close(
      upload.bitrateBps,
      76853.79085429606 + 115119.07968461231 + 297032.92497682036 + 823941.379886072,
    );
    expect(upload.layers.map((l) => [l.rid, l.width, l.height, l.active])).toEqual([
      ['q', 320, 180, true],
      ['h', 640, 360, true],
      ['f', 1280, 720, true],
    ]);
    expect(upload.video).toMatchObject({
      width: 1280,
      height: 720,
      qualityLimitationReason: 'none',
      activeLayers: 3,
    });
    close(upload.video.fps, 20.693527643094388);
    expect(upload.lossRatio).toBe(0);
    close(upload.rttMs, 1.1193333333333333);
    close(upload.jitterMs, 0.9);
    expect(upload.resets).toBe(0);
    // ICE RTT and the bandwidth estimate, apart from RTCP.
    expect(connection).toEqual({
      rttMs: 1,
      availableOutgoingBitrateBps: 1782576,
      availableIncomingBitrateBps: undefined,
    });
    // Nothing received: unknown, not zero.
    expect(download.bitrateBps).toBeUndefined();
    expect(download.lossRatio).toBeUndefined();
    expect(download.video).toBeUndefined();
    close(intervalMs, 1014.81, 2);
    expect(gap).toBe(false);
  });

  test('a subscriber: download bitrate, packet-weighted loss, decoded frames of the main picture', () => {
    const [previous, current] = pair('subscriber', 1);
    const { download, upload } = computeSample(previous, current);
    close(download.bitrateBps, 76964.83419781998 + 845395.9994286816);
    close(download.videoBitrateBps, 845395.9994286816);
    expect(download.lossRatio).toBe(0);
    close(download.jitterMs, 2);
    expect(download.video).toMatchObject({
      width: 1280,
      height: 720,
      framesDecoded: 202,
      framesDecodedDelta: 20,
      freezeCount: 0,
    });
    close(download.video?.fps, 19.631883021584528);
    expect(download.tracks.map((t) => t.kind).sort()).toEqual(['audio', 'video']);
    expect(upload.bitrateBps).toBeUndefined();
  });

  test('loss per kind: audio and video apart, packet-weighted', () => {
    // Derived from a real report: 5 more audio packets lost, out of 51 + 5 due.
    const [previous, current] = pair('subscriber', 1);
    const lossy = current.map((s): RtcStatLike =>
      s.type === 'inbound-rtp' && s.kind === 'audio'
        ? { ...s, packetsLost: (s.packetsLost as number) + 5 }
        : s,
    );
    const { download } = computeSample(previous, lossy);
    expect(download.audioLossRatio).toBeCloseTo(5 / 56, 10);
    expect(download.videoLossRatio).toBe(0);
    expect(download.lossRatio).toBeCloseTo(5 / (56 + 101), 10);
    const { upload } = computeSample(...pair('publisher-simulcast'));
    expect([upload.audioLossRatio, upload.videoLossRatio]).toEqual([0, 0]);
  });

  test('a stream of unknown kind counts in the total only, not as audio', () => {
    const [previous, current] = pair('subscriber', 1);
    const strip = (stats: RtcStatLike[]) =>
      stats.map((s): RtcStatLike => {
        if (s.type !== 'inbound-rtp' || s.kind !== 'video') return s;
        const { kind: _kind, ...rest } = s;
        return rest as RtcStatLike;
      });
    const { download } = computeSample(strip(previous), strip(current));
    close(download.bitrateBps, 76964.83419781998 + 845395.9994286816);
    close(download.audioBitrateBps, 76964.83419781998);
    expect(download.videoBitrateBps).toBeUndefined();
  });

  test('audio only: no video figures at all', () => {
    const publisher = computeSample(...pair('publisher-audio-only'));
    expect(publisher.upload.videoBitrateBps).toBeUndefined();
    expect(publisher.upload.layers).toEqual([]);
    expect(publisher.upload.video).toEqual({
      fps: undefined,
      width: undefined,
      height: undefined,
      qualityLimitationReason: undefined,
      activeLayers: 0,
    });
    expect(publisher.upload.bitrateBps).toBeGreaterThan(0);
    const viewer = computeSample(...pair('subscriber-audio-only'));
    expect(viewer.download.video).toBeUndefined();
    expect(viewer.download.audioBitrateBps).toBeGreaterThan(0);
  });

  test('the first moments: no receiver report yet, so loss and RTCP RTT are unknown', () => {
    const { upload } = computeSample(...pair('publisher-first-moments'));
    expect(upload.lossRatio).toBeUndefined();
    expect(upload.rttMs).toBeUndefined();
    // The full layer has sent nothing yet: the top active layer is h.
    expect(upload.video).toMatchObject({ width: 640, height: 360, activeLayers: 2 });
    close(upload.bitrateBps, 42176.018979208544 + 65862.07123793206 + 410895.6473030413 + 0);
  });

  test('a replaced track: streams that appear count from the next interval, none goes negative', () => {
    const [previous, current] = pair('publisher-replaced-track');
    const sample = computeSample(previous, current);
    const previousIds = new Set(previous.map((s) => s.id));
    const fresh = current.filter((s) => s.type === 'outbound-rtp' && !previousIds.has(s.id));
    expect(fresh.length).toBeGreaterThan(0);
    close(
      sample.upload.bitrateBps,
      78632.69850009102 + 2971.3603197988523 + 7896.6930625062205 + 18331.346546497,
    );
    for (const layer of sample.upload.layers) {
      if (layer.bitrateBps !== undefined) expect(layer.bitrateBps).toBeGreaterThanOrEqual(0);
    }
    expect(computeSample(previous, current, { gapMs: 2000 }).gap).toBe(true);
  });

  test('a counter reset re-baselines: the rate is unknown, never negative', () => {
    // Derived from a real report: the video stream's byte counter restarts near zero.
    const [previous, current] = pair('subscriber', 1);
    const reset = current.map((s): RtcStatLike =>
      s.type === 'inbound-rtp' && s.kind === 'video' ? { ...s, bytesReceived: 1200 } : s,
    );
    const { download } = computeSample(previous, reset);
    expect(download.bitrateBps).toBeUndefined();
    expect(download.videoBitrateBps).toBeUndefined();
    expect(download.resets).toBe(1);
    // The next interval measures again from the new baseline.
    const later =
      snapshots('subscriber')[2]?.map((s): RtcStatLike =>
        s.type === 'inbound-rtp' && s.kind === 'video'
          ? { ...s, bytesReceived: 1200 + 125_000, timestamp: s.timestamp + 1000 }
          : { ...s, timestamp: s.timestamp + 1000 },
      ) ?? [];
    close(computeSample(reset, later).download.videoBitrateBps, 1_000_000, 0);
  });

  test('no previous report, or a clock that did not move: instant figures only', () => {
    const [, current] = pair('publisher-simulcast');
    for (const sample of [computeSample(undefined, current), computeSample(current, current)]) {
      expect(sample.upload.bitrateBps).toBeUndefined();
      expect(sample.upload.lossRatio).toBeUndefined();
      expect(sample.upload.video.width).toBe(1280);
      expect(sample.connection.rttMs).toBe(1);
    }
    expect(computeSample(undefined, current).intervalMs).toBeUndefined();
  });

  test('a stream that disappeared is dropped', () => {
    const [previous, current] = pair('publisher-simulcast');
    const withoutAudio = current.filter((s) => !(s.type === 'outbound-rtp' && s.kind === 'audio'));
    const { upload } = computeSample(previous, withoutAudio);
    expect(upload.audioBitrateBps).toBeUndefined();
    close(upload.bitrateBps, 115119.07968461231 + 297032.92497682036 + 823941.379886072);
  });

  test('an RTCStatsReport-like map, an array and an object with values() read the same', () => {
    const [previous, current] = pair('subscriber', 1);
    const fromArrays = computeSample(previous, current);
    const asMap = (stats: RtcStatLike[]) => new Map(stats.map((s) => [s.id, s]));
    const asReport = (stats: RtcStatLike[]) => {
      const map = asMap(stats);
      return { get: (id: string) => map.get(id), values: () => map.values() };
    };
    expect(computeSample(asMap(previous), asMap(current))).toEqual(fromArrays);
    expect(computeSample(asReport(previous), asReport(current))).toEqual(fromArrays);
  });

  test('junk in a report is ignored, not thrown', () => {
    const [previous, current] = pair('subscriber', 1);
    const junk = [
      ...current,
      null,
      42,
      { id: 'x' },
      { id: 'y', type: 'inbound-rtp', timestamp: 'now' },
    ] as unknown as RtcStatLike[];
    expect(computeSample(previous, junk)).toEqual(computeSample(previous, current));
  });
});
