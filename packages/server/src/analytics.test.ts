// Product events in, the seller's figures out, through the server's routes (fake LiveKit, real
// storage), and the show's window read from its status changes.
import { afterEach, expect, test } from 'vitest';
import { browser, createTestServer, join, staffBrowser } from '../test/fixtures';
import { personOf } from './identity';
import { showWindow, type AnalyticsBody } from './routes/analytics';

const ROOM = 'spring-drop';
let t: Awaited<ReturnType<typeof createTestServer>>;
afterEach(async () => t?.close());

const status = (detail: string, at: number) => ({
  room: ROOM,
  kind: 'status' as const,
  detail,
  at,
});

test('the latest show: first live after the room opened, to its last end (or now)', () => {
  expect(showWindow([], 50)).toBeUndefined();
  expect(showWindow([status('upcoming', 1), status('ended', 2)], 50)).toBeUndefined();
  const log = [
    status('upcoming', 1),
    status('live', 2),
    status('ended', 3),
    status('upcoming', 10), // the room again: a new show
    status('live', 12),
    status('ended', 14), // the host dropped out…
    status('live', 15), // …and came back
    status('ended', 20),
  ];
  expect(showWindow(log, 50)).toEqual({ from: 12, to: 20, openedAt: 10 });
  expect(showWindow(log.slice(0, 7), 50)).toEqual({ from: 12, to: 50, openedAt: 10 });
});

test('events from the page, a purchase from the shop, figures for the host only', async () => {
  let now = 1_780_000_000_000;
  t = await createTestServer({ now: () => now });
  const room = { sid: 'RM_1', name: ROOM };
  const hostJoined = { sid: 'PA_h', identity: 'host', attributes: { 'show.role': 'host' } };
  const ana = browser();
  const anaIdentity = (await join(t.server, ana, { name: 'Ana' })).body.identity;
  const send = (who: ReturnType<typeof browser>, events: unknown[]) =>
    t.server.events(
      who.request(`/api/shows/${ROOM}/events`, { method: 'POST', json: { events } }),
      ROOM,
    );

  await t.webhook({ event: 'room_started', room });
  await t.webhook({
    event: 'participant_joined',
    room,
    participant: { sid: 'PA_a', identity: anaIdentity },
  });
  now += 10_000;
  await t.webhook({ event: 'participant_joined', room, participant: hostJoined });
  await t.webhook({ event: 'track_published', room, participant: hostJoined });
  const liveAt = now;
  now += 5_000;
  expect(
    (
      await send(ana, [
        { type: 'impression', product: 'scarf', mode: 'live', visibleMs: 2500 },
        { type: 'add_to_cart', product: 'scarf', mode: 'live', quantity: 1 },
        {
          type: 'checkout_request',
          mode: 'live',
          checkoutId: 'c-ana',
          items: [{ product: 'scarf', quantity: 1 }],
        },
      ])
    ).status,
  ).toBe(202);
  // Refused in words: a purchase from a page, a bad event (with its place in the batch).
  const purchase = await send(ana, [
    { type: 'purchase', orderId: 'o1', items: [{ product: 'scarf', quantity: 1 }] },
  ]);
  expect(purchase.status).toBe(403);
  const bad = await send(ana, [
    { type: 'click', product: 'scarf', mode: 'live' },
    { type: 'click', mode: 'live' },
  ]);
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
    /^events\[1\]: product/,
  );
  await t.server.reportPurchase(ROOM, {
    type: 'purchase',
    orderId: 'o1',
    checkoutId: 'c-ana',
    items: [{ product: 'scarf', quantity: 1 }],
  });
  now += 15_000;
  await t.webhook({
    event: 'participant_left',
    room,
    participant: {
      ...hostJoined,
      attributes: { ...hostJoined.attributes, 'show.status': 'ended' },
    },
  });
  const endedAt = now;
  now += 60_000;
  // The next day, someone who never joined watches the replay: a person from then on.
  const cleo = browser();
  const replay = await send(cleo, [
    { type: 'impression', product: 'mug', mode: 'replay', visibleMs: 1200 },
  ]);
  expect(replay.status).toBe(202);
  expect(replay.headers.getSetCookie().length).toBe(1);

  const read = async (who: ReturnType<typeof browser>, query = '') =>
    t.server.analytics(who.request(`/api/shows/${ROOM}/analytics${query}`), ROOM);
  expect((await read(ana)).status).toBe(401);
  expect((await read(await staffBrowser('moderator'))).status).toBe(403);
  const host = await staffBrowser('host');
  const response = await read(host);
  expect(response.status).toBe(200);
  const figures = (await response.json()) as AnalyticsBody;
  expect(figures).toMatchObject({
    from: liveAt,
    to: endedAt,
    uniqueViewers: 1, // Ana, in since before the host went live
    replayViewers: 1,
    peakConcurrency: 1,
    averageWatchSeconds: 20,
    orders: 1,
    truncated: false,
  });
  expect(
    figures.products.map((p) => [p.product, p.impressions, p.unitsSold, p.conversion]),
  ).toEqual([
    ['mug', { live: 0, replay: 1 }, 0, 0],
    ['scarf', { live: 1, replay: 0 }, 1, 1],
  ]);
  const csv = await read(host, '?format=csv');
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.headers.get('content-disposition')).toMatch(
    /^attachment; filename="spring-drop-\d{4}-\d\d-\d\d\.csv"$/,
  );
  expect((await csv.text()).split('\r\n')[2]).toBe('scarf,1,0,0,0,1,0,1,0,1,1');
  // Ana's events are logged as her person, never as a connection.
  const logged = await t.database.shows.between(ROOM, {
    from: 0,
    to: now,
    kinds: ['commerce'],
    limit: 10,
  });
  expect(new Set(logged.map((e) => e.person))).toContain(personOf(anaIdentity));
});

test("while live: the host's figures count hearts, carts and checkouts so far, and who is in now", async () => {
  let now = 1_780_000_000_000;
  t = await createTestServer({ now: () => now });
  const room = { sid: 'RM_2', name: ROOM };
  const hostJoined = { sid: 'PA_h', identity: 'host', attributes: { 'show.role': 'host' } };
  const ana = browser();
  const anaIdentity = (await join(t.server, ana, { name: 'Ana' })).body.identity;
  await t.webhook({ event: 'room_started', room });
  await t.webhook({ event: 'participant_joined', room, participant: hostJoined });
  await t.webhook({ event: 'track_published', room, participant: hostJoined });
  now += 1_000;
  await t.webhook({
    event: 'participant_joined',
    room,
    participant: { sid: 'PA_a', identity: anaIdentity },
  });
  const tap = () =>
    t.server.react(ana.request(`/api/shows/${ROOM}/reactions`, { method: 'POST' }), ROOM);
  for (let i = 0; i < 3; i++) expect((await tap()).status).toBe(202);
  const carted = await t.server.events(
    ana.request(`/api/shows/${ROOM}/events`, {
      method: 'POST',
      json: {
        events: [
          { type: 'add_to_cart', product: 'scarf', mode: 'live', quantity: 2 },
          {
            type: 'checkout_request',
            mode: 'live',
            checkoutId: 'c-1',
            items: [{ product: 'scarf', quantity: 2 }],
          },
        ],
      },
    }),
    ROOM,
  );
  expect(carted.status).toBe(202);
  now += 1_000;
  const host = await staffBrowser('host');
  const read = async () =>
    (await (
      await t.server.analytics(host.request(`/api/shows/${ROOM}/analytics`), ROOM)
    ).json()) as AnalyticsBody;
  // The taps are still being summed when the host asks: they count already.
  expect(await read()).toMatchObject({
    viewersNow: 1,
    peakConcurrency: 1,
    hearts: 3,
    addedToCart: { live: 2, replay: 0 },
    checkoutRequests: { live: 1, replay: 0 },
  });
  expect((await tap()).status).toBe(202);
  now += 1_000;
  expect((await read()).hearts).toBe(4);
  // Summed, not one row per tap: two entries for four taps.
  const tallies = await t.database.shows.between(ROOM, {
    from: 0,
    to: now,
    kinds: ['reactions'],
    limit: 10,
  });
  expect(tallies.map((entry) => entry.detail)).toEqual(['3', '1']);
});
