import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createCommerceTracker } from './commerce-tracker';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('events leave in batches: after two seconds, at twenty, and when stopped; mode added', async () => {
  const sent: Array<Array<{ type: string; mode?: string }>> = [];
  const tracker = createCommerceTracker({
    mode: 'replay',
    send: async (events) => void sent.push(events),
  });
  tracker.track({ type: 'click', product: 'mug' });
  tracker.track({ type: 'add_to_cart', product: 'mug', quantity: 1 });
  expect(sent).toEqual([]);
  await vi.advanceTimersByTimeAsync(2000);
  expect(sent).toEqual([
    [
      { type: 'click', product: 'mug', mode: 'replay' },
      { type: 'add_to_cart', product: 'mug', quantity: 1, mode: 'replay' },
    ],
  ]);
  for (let i = 0; i < 21; i++) tracker.track({ type: 'click', product: `p${i}` });
  expect(sent.map((batch) => batch.length)).toEqual([2, 20]);
  tracker.stop();
  expect(sent.map((batch) => batch.length)).toEqual([2, 20, 1]);
});

test('a batch the server refuses is dropped quietly', async () => {
  const tracker = createCommerceTracker({
    mode: 'live',
    send: () => Promise.reject(new Error('503')),
  });
  tracker.track({ type: 'click', product: 'mug' });
  tracker.flush();
  await vi.runAllTimersAsync();
});
