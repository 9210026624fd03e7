import { describe, expect, test } from 'vitest';
import { figuresToCsv } from './csv';
import type { CommerceEvent } from './events';
import { showFigures, type AudienceChange, type RecordedEvent } from './figures';

const T = 1_780_000_000_000; // the show goes live
const s = (seconds: number) => T + seconds * 1000;
const join = (person: string, at: number): AudienceChange => ({ kind: 'join', person, at: s(at) });
const leave = (person: string, at: number): AudienceChange => ({
  kind: 'leave',
  person,
  at: s(at),
});
const did = (person: string, at: number, event: CommerceEvent): RecordedEvent => ({
  person,
  at: s(at),
  event,
});

describe('audience', () => {
  test('unique viewers, peak and average concurrency, average watch time', () => {
    const figures = showFigures({
      from: s(0),
      to: s(100),
      audience: [
        join('early', -30), // in before the show went live: watches from 0
        join('gone', -20),
        leave('gone', -10), // came and went before: not a viewer
        join('ana', 10),
        join('ana', 20), // a second tab: one person
        join('ben', 30),
        leave('ana', 40), // one tab closed: still there
        leave('ben', 50),
        leave('ana', 60),
        join('late', 120), // after the end
      ],
      events: [],
    });
    // early 100 s, ana 50 s (10 → 60), ben 20 s (30 → 50): 170 s over 100 s on air.
    expect(figures).toMatchObject({
      uniqueViewers: 3,
      peakConcurrency: 3,
      viewersNow: 1, // early is still in at the end; ana, ben and gone left, late came after
      averageWatchSeconds: 170 / 3,
      replayViewers: 0,
      orders: 0,
      products: [],
    });
    expect(figures.averageConcurrency).toBeCloseTo(1.7);
  });

  test('nobody came: zeros, not NaN', () => {
    const figures = showFigures({ from: s(0), to: s(60), audience: [], events: [] });
    expect(figures).toMatchObject({
      uniqueViewers: 0,
      peakConcurrency: 0,
      averageConcurrency: 0,
      averageWatchSeconds: 0,
      checkoutConversion: undefined,
    });
  });
});

test('hearts: the taps tallied while on air, not before or after', () => {
  const figures = showFigures({
    from: s(0),
    to: s(60),
    audience: [],
    events: [],
    reactions: [
      { at: s(-1), count: 4 }, // before going live
      { at: s(0), count: 2 },
      { at: s(30), count: 5 },
      { at: s(60), count: 1 },
      { at: s(61), count: 9 }, // after the end
    ],
  });
  expect(figures.hearts).toBe(8);
  expect(showFigures({ from: s(0), to: s(1), audience: [], events: [] }).hearts).toBe(0);
});

describe('products', () => {
  const events: RecordedEvent[] = [
    did('ana', 5, { type: 'impression', product: 'scarf', mode: 'live', visibleMs: 3000 }),
    did('ben', 6, { type: 'impression', product: 'scarf', mode: 'live', visibleMs: 1000 }),
    did('ana', 7, { type: 'click', product: 'scarf', mode: 'live' }),
    did('ana', 8, { type: 'add_to_cart', product: 'scarf', mode: 'live', quantity: 2 }),
    did('ana', 9, { type: 'add_to_cart', product: 'mug', mode: 'live', quantity: 1 }),
    did('ana', 10, {
      type: 'checkout_request',
      mode: 'live',
      checkoutId: 'c1',
      items: [
        { product: 'scarf', quantity: 2 },
        { product: 'mug', quantity: 1 },
      ],
    }),
    // The replay, the next day: Cleo sees the mug and buys it.
    did('cleo', 90_000, { type: 'impression', product: 'mug', mode: 'replay', visibleMs: 2000 }),
    did('cleo', 90_010, { type: 'add_to_cart', product: 'mug', mode: 'replay', quantity: 1 }),
    did('cleo', 90_020, {
      type: 'checkout_request',
      mode: 'replay',
      checkoutId: 'c2',
      items: [{ product: 'mug', quantity: 1 }],
    }),
    did('shop', 90_100, {
      type: 'purchase',
      orderId: 'o-2',
      checkoutId: 'c2',
      items: [{ product: 'mug', quantity: 1 }],
    }),
    // The shop reported the same order twice: counted once.
    did('shop', 90_101, {
      type: 'purchase',
      orderId: 'o-2',
      checkoutId: 'c2',
      items: [{ product: 'mug', quantity: 1 }],
    }),
  ];
  const figures = showFigures({
    from: s(0),
    to: s(60),
    audience: [join('ana', 1), join('ben', 2)],
    events,
  });

  test('live and replay counted apart, the most seen first, each order once', () => {
    expect(figures.products).toEqual([
      {
        product: 'scarf',
        impressions: { live: 2, replay: 0 },
        clicks: { live: 1, replay: 0 },
        addedToCart: { live: 2, replay: 0 },
        checkoutRequests: { live: 1, replay: 0 },
        unitsSold: 0,
        conversion: 0.5, // ana of ana and ben
      },
      {
        product: 'mug',
        impressions: { live: 0, replay: 1 },
        clicks: { live: 0, replay: 0 },
        addedToCart: { live: 1, replay: 1 },
        checkoutRequests: { live: 1, replay: 1 },
        unitsSold: 1,
        conversion: 1, // cleo saw it and asked to check out (ana never saw it on screen)
      },
    ]);
    expect(figures).toMatchObject({
      uniqueViewers: 2,
      replayViewers: 1,
      orders: 1,
      // Units across products; requests once each, however many products they held.
      addedToCart: { live: 3, replay: 1 },
      checkoutRequests: { live: 1, replay: 1 },
    });
    // ana and cleo asked to check out, of ana, ben and cleo.
    expect(figures.checkoutConversion).toBeCloseTo(2 / 3);
  });

  test('as CSV: a row per product, live and replay apart, safe in a spreadsheet', () => {
    expect(figuresToCsv(figures)).toBe(
      [
        'product,impressions_live,impressions_replay,clicks_live,clicks_replay,added_to_cart_live,added_to_cart_replay,checkout_requests_live,checkout_requests_replay,units_sold,conversion',
        'scarf,2,0,1,0,2,0,1,0,0,0.5',
        'mug,0,1,0,0,1,1,1,1,1,1',
        '',
      ].join('\r\n'),
    );
    const odd = showFigures({
      from: s(0),
      to: s(1),
      audience: [],
      events: [did('x', 0, { type: 'click', product: '-cmd', mode: 'live' })],
    });
    expect(figuresToCsv(odd).split('\r\n')[1]).toBe("'-cmd,0,0,1,0,0,0,0,0,0,");
  });
});
