import { EventEmitter } from 'node:events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createShowStore } from '../store/show-store';
import { bindMetrics } from './bind-metrics';

/** What bindMetrics reads of a Room: its state, events, and the transports' getStats. */
function fakeRoom(state: ConnectionState) {
  const getStats = vi.fn(async () => new Map() as unknown as RTCStatsReport);
  const room = Object.assign(new EventEmitter(), {
    state,
    localParticipant: { identity: 'viewer-1', connectionQuality: 'excellent' },
    engine: { pcManager: { subscriber: { getStats } } },
  });
  return { room, asRoom: room as unknown as Room, getStats };
}

describe('bindMetrics', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('reads no statistics during the join: the first poll is one interval after Connected', async () => {
    const { room, asRoom, getStats } = fakeRoom(ConnectionState.Connecting);
    const stop = bindMetrics(asRoom, createShowStore(), { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(getStats).not.toHaveBeenCalled();

    room.state = ConnectionState.Connected;
    room.emit(RoomEvent.Connected);
    await vi.advanceTimersByTimeAsync(999);
    expect(getStats).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(getStats).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(getStats).toHaveBeenCalledTimes(2);
    stop();
  });

  test('bound to a room already connected, it polls from one interval on', async () => {
    const { asRoom, getStats } = fakeRoom(ConnectionState.Connected);
    const stop = bindMetrics(asRoom, createShowStore(), { intervalMs: 500 });
    await vi.advanceTimersByTimeAsync(499);
    expect(getStats).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(getStats).toHaveBeenCalledTimes(1);
    stop();
  });

  test('stopped before the room connects, it never polls and leaves no listener', async () => {
    const { room, asRoom, getStats } = fakeRoom(ConnectionState.Connecting);
    const stop = bindMetrics(asRoom, createShowStore(), { intervalMs: 1000 });
    stop();
    expect(room.listenerCount(RoomEvent.Connected)).toBe(0);
    room.emit(RoomEvent.Connected);
    await vi.advanceTimersByTimeAsync(5000);
    expect(getStats).not.toHaveBeenCalled();
  });

  test('stopped between Connected and the first poll, it never polls', async () => {
    const { room, asRoom, getStats } = fakeRoom(ConnectionState.Connecting);
    const stop = bindMetrics(asRoom, createShowStore(), { intervalMs: 1000 });
    room.emit(RoomEvent.Connected);
    await vi.advanceTimersByTimeAsync(500);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(getStats).not.toHaveBeenCalled();
  });
});
