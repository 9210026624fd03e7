import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { snapshots } from '../test/fixtures';
import { createStatsCollector } from './collector';
import type { StatsSource } from './sources';
import type { RtcStatLike } from './stats-report';

const recorded = snapshots('subscriber');
const state = () => ({
  connectionState: 'connected' as const,
  disconnectReason: undefined,
  quality: 'excellent' as const,
});

/** A source that replays recorded reports, or is driven by the test. */
function replay(reports: RtcStatLike[][] = recorded): StatsSource & { calls: number } {
  let i = 0;
  const source = {
    calls: 0,
    getStats: async () => {
      source.calls++;
      return reports[Math.min(i++, reports.length - 1)] ?? [];
    },
    state,
  };
  return source;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createStatsCollector', () => {
  test('polls at once and then every interval; rates from the second sample on', async () => {
    const onSample = vi.fn();
    const source = replay();
    const collector = createStatsCollector({ source, intervalMs: 1000, onSample });
    collector.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(onSample).toHaveBeenCalledTimes(1);
    expect(onSample.mock.calls[0]?.[0].sample.download.bitrateBps).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onSample).toHaveBeenCalledTimes(2);
    expect(onSample.mock.calls[1]?.[0].sample.download.bitrateBps).toBeGreaterThan(0);
    expect(onSample.mock.calls[1]?.[0].state).toEqual(state());
    collector.stop();
  });

  test('polls never overlap: a tick while one is under way shares it', async () => {
    const pending = deferred<RtcStatLike[]>();
    const source = { calls: 0, getStats: () => (source.calls++, pending.promise), state };
    const collector = createStatsCollector({ source });
    const first = collector.tick();
    const second = collector.tick();
    expect(second).toBe(first);
    pending.resolve(recorded[0] ?? []);
    await first;
    expect(source.calls).toBe(1);
  });

  test('after stop() no callback fires, even for a poll already under way', async () => {
    const pending = deferred<RtcStatLike[]>();
    const onSample = vi.fn();
    const collector = createStatsCollector({
      source: { getStats: () => pending.promise, state },
      onSample,
    });
    collector.start();
    collector.stop();
    pending.resolve(recorded[0] ?? []);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onSample).not.toHaveBeenCalled();
    expect(collector.running).toBe(false);
  });

  test('a failing getStats is counted and reported, and collection goes on', async () => {
    const onSample = vi.fn();
    const onError = vi.fn();
    let call = 0;
    const source: StatsSource = {
      getStats: async () => {
        call++;
        if (call === 2) throw new Error('InvalidStateError');
        return recorded[Math.min(call - 1, 2)] ?? [];
      },
      state,
    };
    const collector = createStatsCollector({ source, intervalMs: 1000, onSample, onError });
    collector.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(onSample).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(collector.errorCount).toBe(1);
    expect(collector.lastError).toMatchObject({
      code: 'stats_failed',
      cause: new Error('InvalidStateError'),
    });
    collector.stop();
  });

  test('polls more slowly while the page is hidden', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const source = replay();
    const collector = createStatsCollector({ source, intervalMs: 1000, hiddenIntervalMs: 5000 });
    collector.start();
    await vi.advanceTimersByTimeAsync(4900);
    expect(source.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(source.calls).toBe(2);
    collector.stop();
  });

  test('stop then start measures afresh and keeps a single timer', async () => {
    const onSample = vi.fn();
    const source = replay();
    const collector = createStatsCollector({ source, intervalMs: 1000, onSample });
    collector.start();
    await vi.advanceTimersByTimeAsync(1000);
    collector.stop();
    collector.start();
    await vi.advanceTimersByTimeAsync(0);
    const afterRestart = onSample.mock.calls.at(-1)?.[0];
    expect(afterRestart.sample.intervalMs).toBeUndefined();
    const calls = source.calls;
    await vi.advanceTimersByTimeAsync(3000);
    expect(source.calls - calls).toBe(3);
    collector.stop();
  });
});
