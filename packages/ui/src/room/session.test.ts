import { describe, expect, test, vi } from 'vitest';
import { createShowStore } from '../store/show-store';
import {
  backoffDelay,
  createShowSession,
  defaultRetryPolicy,
  isPermanentFailure,
  type ShowSessionFailure,
} from './session';

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

describe('failures', () => {
  const failingToken = (status: number) => {
    const calls = { count: 0 };
    const token = async () => {
      calls.count++;
      throw Object.assign(new Error(`The token endpoint answered ${status}.`), { status });
    };
    return { calls, token };
  };

  test('a refusal (401) is not retried, and onError sees it', async () => {
    const store = createShowStore();
    const failures: ShowSessionFailure[] = [];
    const { calls, token } = failingToken(401);
    const session = createShowSession({
      serverUrl: 'ws://127.0.0.1:9',
      token,
      store,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
      onError: (failure) => failures.push(failure),
    });
    session.start();
    await vi.waitFor(() => expect(store.getState().phase).toBe('error'));
    expect(calls.count).toBe(1);
    expect(failures).toEqual([
      { stage: 'token', attempt: 1, permanent: true, error: expect.any(Error) },
    ]);
    expect(store.getState().error?.code).toBe('token');
    await session.stop();
  });

  test('a full show (room_full) is not retried: the page says it is full', async () => {
    const store = createShowStore();
    let calls = 0;
    const token = async () => {
      calls++;
      throw Object.assign(new Error('The token endpoint answered 503.'), {
        status: 503,
        code: 'room_full',
      });
    };
    const session = createShowSession({
      serverUrl: 'ws://127.0.0.1:9',
      token,
      store,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    });
    session.start();
    await vi.waitFor(() => expect(store.getState().phase).toBe('error'));
    expect(calls).toBe(1);
    expect(store.getState().error).toEqual({
      code: 'full',
      message: 'This show is full right now.',
    });
    await session.stop();
  });

  test('a blip (503) is retried up to the policy, each failure reported', async () => {
    const store = createShowStore();
    const failures: ShowSessionFailure[] = [];
    const { calls, token } = failingToken(503);
    const session = createShowSession({
      serverUrl: 'ws://127.0.0.1:9',
      token,
      store,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      onError: (failure) => failures.push(failure),
    });
    session.start();
    await vi.waitFor(() => expect(store.getState().phase).toBe('error'));
    expect(calls.count).toBe(3);
    expect(failures.map((f) => [f.attempt, f.permanent])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    await session.stop();
  });

  test('what counts as a refusal', () => {
    expect([400, 401, 403, 404].map((status) => isPermanentFailure({ status }))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([408, 429, 500, 503].map((status) => isPermanentFailure({ status }))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isPermanentFailure(new TypeError('Failed to fetch'))).toBe(false);
  });
});
