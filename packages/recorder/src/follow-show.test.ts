import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { followShows } from './follow-show';
import type { RecordingInfo, ShowRecorder } from './recording';

function fakeRecorder() {
  const calls: string[] = [];
  let next = 0;
  const info = (room: string, recordingId: string, status: RecordingInfo['status']) => ({
    recordingId,
    room,
    status,
    durationSeconds: 0,
    files: [],
  });
  const recorder: ShowRecorder = {
    async start(room, options) {
      calls.push(`start ${room} ${options?.participant ?? ''}`.trim());
      return info(room, `R${++next}`, 'starting');
    },
    async stop(id) {
      calls.push(`stop ${id}`);
      return info('?', id, 'complete');
    },
    async list() {
      return [];
    },
  };
  return { recorder, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('live starts one recording per show, however many events say so', async () => {
  const { recorder, calls } = fakeRecorder();
  const follower = followShows(recorder, { participant: 'host' });
  follower.show({ room: 'a', status: 'live' });
  follower.show({ room: 'a', status: 'live' });
  follower.show({ room: 'b', status: 'upcoming' });
  await vi.runAllTimersAsync();
  expect(calls).toEqual(['start a host']);
});

test('the host ending the show, or the room closing, stops at once', async () => {
  const { recorder, calls } = fakeRecorder();
  const follower = followShows(recorder, { graceSeconds: 10 });
  follower.show({ room: 'a', status: 'live' });
  follower.show({ room: 'b', status: 'live' });
  await vi.advanceTimersByTimeAsync(0);
  follower.show({ room: 'a', status: 'ended', endedBy: 'host' });
  follower.show({ room: 'b', status: 'ended', endedBy: 'room_closed' });
  await vi.advanceTimersByTimeAsync(0);
  expect(calls).toEqual(['start a', 'start b', 'stop R1', 'stop R2']);
});

test('ended stops after the grace period when the host dropped out', async () => {
  const { recorder, calls } = fakeRecorder();
  const follower = followShows(recorder, { graceSeconds: 10 });
  follower.show({ room: 'a', status: 'live' });
  await vi.advanceTimersByTimeAsync(0);
  follower.show({ room: 'a', status: 'ended', endedBy: 'disconnect' });
  await vi.advanceTimersByTimeAsync(9_999);
  expect(calls).toEqual(['start a']);
  await vi.advanceTimersByTimeAsync(1);
  expect(calls).toEqual(['start a', 'stop R1']);
});

test('a host back within the grace period stays in the same recording', async () => {
  const { recorder, calls } = fakeRecorder();
  const follower = followShows(recorder, { graceSeconds: 10 });
  follower.show({ room: 'a', status: 'live' });
  await vi.advanceTimersByTimeAsync(0);
  follower.show({ room: 'a', status: 'ended' });
  await vi.advanceTimersByTimeAsync(5_000);
  follower.show({ room: 'a', status: 'live' });
  await vi.advanceTimersByTimeAsync(60_000);
  expect(calls).toEqual(['start a']);
});

test('an event right after live waits for the start (one call at a time per room)', async () => {
  const { recorder, calls } = fakeRecorder();
  const follower = followShows(recorder, { graceSeconds: 0 });
  follower.show({ room: 'a', status: 'live' });
  follower.show({ room: 'a', status: 'ended' });
  await vi.runAllTimersAsync();
  expect(calls).toEqual(['start a', 'stop R1']);
});

test('a failed start is reported and the next live event tries again', async () => {
  const { recorder, calls } = fakeRecorder();
  const start = recorder.start;
  let fail = true;
  recorder.start = (room, options) =>
    fail ? Promise.reject(new Error('LiveKit is down')) : start(room, options);
  const errors: string[] = [];
  const follower = followShows(recorder, {
    onError: (error, room) => errors.push(`${room}: ${(error as Error).message}`),
  });
  follower.show({ room: 'a', status: 'live' });
  await vi.runAllTimersAsync();
  fail = false;
  follower.show({ room: 'a', status: 'live' });
  await vi.runAllTimersAsync();
  expect(errors).toEqual(['a: LiveKit is down']);
  expect(calls).toEqual(['start a']);
});

test('close stops what is recording without waiting for the grace period', async () => {
  const { recorder, calls } = fakeRecorder();
  const finished: string[] = [];
  const follower = followShows(recorder, { onRecording: (info) => finished.push(info.status) });
  follower.show({ room: 'a', status: 'live' });
  follower.show({ room: 'b', status: 'live' });
  await vi.advanceTimersByTimeAsync(0);
  await follower.close();
  expect(calls.sort()).toEqual(['start a', 'start b', 'stop R1', 'stop R2']);
  expect(finished).toEqual(['starting', 'starting', 'complete', 'complete']);
});
