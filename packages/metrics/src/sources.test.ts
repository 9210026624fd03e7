import { expect, test, vi } from 'vitest';
import { pair } from '../test/fixtures';
import { computeSample } from './sample';
import { fromLiveKitRoom, fromPeerConnection, mergeReports, type LiveKitRoomLike } from './sources';
import type { RtcStatLike } from './stats-report';

test('merging two connections keeps ids and their references apart', () => {
  const a = [{ id: 'T01', type: 'transport', timestamp: 1, selectedCandidatePairId: 'CP1' }];
  const b = [{ id: 'T01', type: 'transport', timestamp: 1, selectedCandidatePairId: 'CP1' }];
  expect(
    mergeReports([
      ['publisher', a],
      ['subscriber', b],
    ]),
  ).toEqual([
    {
      id: 'publisher:T01',
      type: 'transport',
      timestamp: 1,
      selectedCandidatePairId: 'publisher:CP1',
    },
    {
      id: 'subscriber:T01',
      type: 'transport',
      timestamp: 1,
      selectedCandidatePairId: 'subscriber:CP1',
    },
  ]);
});

function fakeRoom(reports: { publisher?: RtcStatLike[]; subscriber?: RtcStatLike[] }) {
  const listeners = new Set<(reason?: number) => void>();
  const transport = (stats?: RtcStatLike[]) =>
    stats && {
      getStats: async () => new Map(stats.map((s) => [s.id, s])) as unknown as RTCStatsReport,
    };
  const room = {
    state: 'connected',
    engine: {
      pcManager: {
        publisher: transport(reports.publisher),
        subscriber: transport(reports.subscriber),
      },
    },
    localParticipant: { connectionQuality: 'good' },
    on: (_: 'disconnected', listener: (reason?: number) => void) => listeners.add(listener),
    off: (_: 'disconnected', listener: (reason?: number) => void) => listeners.delete(listener),
  };
  return { room: room as LiveKitRoomLike & typeof room, listeners };
}

test('a LiveKit room: one getStats per connection, both directions in one sample', async () => {
  const [upPrevious, upCurrent] = pair('publisher-simulcast');
  const [downPrevious, downCurrent] = pair('subscriber', 1);
  const before = fromLiveKitRoom(
    fakeRoom({ publisher: upPrevious, subscriber: downPrevious }).room,
  );
  const after = fromLiveKitRoom(fakeRoom({ publisher: upCurrent, subscriber: downCurrent }).room);
  const sample = computeSample(await before.getStats(), await after.getStats());
  expect(sample.upload.bitrateBps).toBeGreaterThan(1_000_000);
  expect(sample.download.bitrateBps).toBeGreaterThan(800_000);
});

test('a LiveKit room: state, quality, and why it disconnected', () => {
  const { room, listeners } = fakeRoom({});
  const source = fromLiveKitRoom(room);
  expect(source.state()).toEqual({
    connectionState: 'connected',
    disconnectReason: undefined,
    quality: 'good',
  });
  room.state = 'disconnected';
  for (const listener of listeners) listener(5);
  expect(source.state()).toEqual({
    connectionState: 'disconnected',
    disconnectReason: 'room-deleted',
    quality: 'good',
  });
  room.state = 'signalReconnecting';
  expect(source.state().connectionState).toBe('signal-reconnecting');
  source.dispose?.();
  expect(listeners.size).toBe(0);
});

test('a peer connection maps its states', () => {
  const pc = { connectionState: 'disconnected' as RTCPeerConnectionState, getStats: vi.fn() };
  expect(fromPeerConnection(pc).state().connectionState).toBe('reconnecting');
  pc.connectionState = 'failed';
  expect(fromPeerConnection(pc).state()).toMatchObject({
    connectionState: 'disconnected',
    disconnectReason: 'failed',
  });
});
