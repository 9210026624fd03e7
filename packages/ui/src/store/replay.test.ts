import { describe, expect, test } from 'vitest';
import type { Product } from './products';
import { chaptersOf, chatCountAt, pinsAt, replayTimeline, type ReplayTimeline } from './replay';

const START = 1_780_000_000_000;
const message = (n: number, atSeconds: number) => ({
  id: `m${n}`,
  seq: n,
  text: `message ${n}`,
  sentAt: START + atSeconds * 1000,
  from: { person: 'p'.repeat(22), name: 'Ana', role: 'viewer' as const },
});
const timeline: ReplayTimeline = {
  startedAt: START,
  pins: [
    { at: START - 5_000, ids: ['mug'] }, // pinned before the recording began
    { at: START + 12_000, ids: ['mug', 'scarf'] },
    { at: START + 30_000, ids: ['scarf'] },
    { at: START + 45_000, ids: [] },
  ],
  chat: [message(1, 1), message(2, 12), message(3, 12), message(4, 40)],
};
const product = (id: string, title: string): Product => ({
  id,
  title,
  price: { amount: 10, currency: 'EUR' },
});
const catalog = [product('mug', 'Mug'), product('scarf', 'Silk scarf'), product('tote', 'Tote')];

describe('pinsAt', () => {
  test.each([
    [0, ['mug']],
    [11.99, ['mug']],
    [12, ['mug', 'scarf']],
    [29, ['mug', 'scarf']],
    [30, ['scarf']],
    [45, []],
    [600, []],
  ])('%s s in: %j', (seconds, ids) => {
    expect(pinsAt(timeline, seconds)).toEqual(ids);
  });

  test('nothing pinned before the first pin', () => {
    expect(pinsAt({ ...timeline, pins: [{ at: START + 5_000, ids: ['mug'] }] }, 4)).toEqual([]);
  });
});

test.each([
  [0, 0],
  [1, 1],
  [11, 1],
  [12, 3],
  [39.9, 3],
  [41, 4],
])('chatCountAt(%s s) is %i', (seconds, count) => {
  expect(chatCountAt(timeline, seconds)).toBe(count);
});

test('a chapter per product at its first pin, products the catalog lacks left out', () => {
  const chapters = chaptersOf(
    { ...timeline, pins: [...timeline.pins, { at: START + 50_000, ids: ['gone', 'mug'] }] },
    catalog,
  );
  expect(chapters.map((c) => [c.product.title, c.seconds])).toEqual([
    ['Mug', 0],
    ['Silk scarf', 12],
  ]);
});

test("a show's timeline leaves out what belongs to the show before it", () => {
  const answer = {
    // The previous show: live, a pin, a message, ended 60 s before this recording's first frame.
    status: [
      { at: START - 300_000, status: 'live' },
      { at: START - 60_000, status: 'ended' },
      { at: START - 1_000, status: 'live' },
      { at: START + 50_000, status: 'ended' },
    ],
    pins: [
      { at: START - 200_000, ids: ['mug', 'scarf'] },
      { at: START - 10_000, ids: ['tote'] }, // this show's, pinned in the preview
      { at: START + 20_000, ids: ['tote', 'mug'] },
    ],
    chat: [message(9, -120), message(10, -5), message(11, 3)],
  };
  const own = replayTimeline(answer, START);
  expect(own.pins.map((p) => p.ids)).toEqual([['tote'], ['tote', 'mug']]);
  expect(own.chat.map((m) => m.id)).toEqual(['m10', 'm11']);
  expect(pinsAt(own, 0)).toEqual(['tote']);
  // Without an earlier end, everything is this show's.
  expect(replayTimeline({ ...answer, status: [] }, START).pins).toHaveLength(3);
});
