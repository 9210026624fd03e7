import { afterEach, expect, test } from 'vitest';
import { browser, createTestServer, join } from '../test/fixtures';
import type { RequestEvent, StoreEvent } from './observer';
import { createPrometheusObserver } from './prometheus';

type TestServer = Awaited<ReturnType<typeof createTestServer>>;
let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ROOM = 'spring-drop';
const room = { sid: 'RM_1', name: ROOM };

const post = (who: ReturnType<typeof browser>, text: string) =>
  t!.server.chat(who.request(`/api/shows/${ROOM}/chat`, { method: 'POST', json: { text } }), ROOM);

test('the observer hears each request with its route and refusal code, tokens by role, storage calls, audiences and webhooks', async () => {
  const requests: RequestEvent[] = [];
  const stores: StoreEvent[] = [];
  const tokens: string[] = [];
  const viewers: number[] = [];
  const shows: Array<{ status: string; hostConnections: number }> = [];
  const webhooks: Array<{ event: string; lagSeconds: number | undefined }> = [];
  t = await createTestServer({
    rules: { maxMessages: 1 },
    observe: {
      request: (event) => requests.push(event),
      store: (event) => stores.push(event),
      token: ({ role }) => tokens.push(role),
      viewers: ({ viewers: count }) => viewers.push(count),
      show: ({ status, hostConnections }) => shows.push({ status, hostConnections }),
      webhook: (event) => webhooks.push(event),
    },
  });
  const ana = browser();
  const { body } = await join(t.server, ana);
  expect((await post(ana, 'first')).status).toBe(201);
  expect((await post(ana, 'second')).status).toBe(429);

  expect(tokens).toEqual(['viewer']);
  expect(
    requests.map(({ route, method, status, code }) => ({ route, method, status, code })),
  ).toEqual([
    { route: 'token', method: 'GET', status: 200, code: undefined },
    { route: 'chat', method: 'POST', status: 201, code: undefined },
    { route: 'chat', method: 'POST', status: 429, code: 'rate_limited' },
  ]);
  expect(requests.every((r) => r.seconds >= 0 && r.seconds < 5)).toBe(true);
  const operations = new Set(stores.map((s) => `${s.store}:${s.operation}`));
  expect(operations).toContain('database:chat.append');
  expect(operations).toContain('hot:limiter.take');
  expect(stores.every((s) => s.ok)).toBe(true);

  await t.webhook({ event: 'room_started', room, createdAt: Math.floor(Date.now() / 1000) - 2 });
  await t.webhook({
    event: 'participant_joined',
    room,
    participant: { sid: 'PA_host', identity: 'host', attributes: { 'show.role': 'host' } },
  });
  await t.webhook({
    event: 'track_published',
    room,
    participant: { sid: 'PA_host', identity: 'host' },
  });
  await t.webhook({
    event: 'participant_joined',
    room,
    participant: { sid: 'PA_ana', identity: body.identity, attributes: { 'show.role': 'viewer' } },
  });
  expect(viewers).toEqual([1]);
  expect(shows).toEqual([
    { status: 'upcoming', hostConnections: 0 },
    { status: 'upcoming', hostConnections: 1 },
    { status: 'live', hostConnections: 1 },
  ]);
  expect(webhooks.map((w) => w.event)).toEqual([
    'room_started',
    'participant_joined',
    'track_published',
    'participant_joined',
  ]);
  // createdAt two seconds ago: the lag is measured from it (a second's rounding either way).
  expect(webhooks[0]?.lagSeconds).toBeGreaterThanOrEqual(1);
  expect(webhooks[0]?.lagSeconds).toBeLessThan(4);
});

test('a failing database call is reported as not ok, and a throwing observer never breaks a request', async () => {
  const failures: StoreEvent[] = [];
  t = await createTestServer({
    observe: {
      store: (event) => {
        if (!event.ok) failures.push(event);
      },
      request: () => {
        throw new Error('a broken metrics library');
      },
    },
  });
  const ana = browser();
  await join(t.server, ana);
  await t.database.close();
  const response = await post(ana, 'into a closed database');
  expect(response.status).toBe(503);
  // The first call of the chat route (the mute check) is the one that failed.
  expect(failures.map((f) => `${f.store}:${f.operation}`)).toEqual(['database:mutes.isMuted']);
});

test('Prometheus metrics: counted as the show goes, served only with the bearer token', async () => {
  const prometheus = createPrometheusObserver({ bearerToken: 'scrape-me', processMetrics: false });
  t = await createTestServer({ observe: prometheus.observe, rules: { maxMessages: 1 } });
  const ana = browser();
  const { body } = await join(t.server, ana);
  await post(ana, 'hello');
  await post(ana, 'too soon');
  await t.webhook({
    event: 'participant_joined',
    room,
    participant: { sid: 'PA_ana', identity: body.identity, attributes: { 'show.role': 'viewer' } },
  });

  const scrape = (authorization?: string) =>
    prometheus.handler(
      new Request('https://shop.example/api/metrics', {
        headers: authorization ? { Authorization: authorization } : {},
      }),
    );
  // What was queued goes out: the chat line at once, the count in the next slot.
  await t.server.close();
  expect((await scrape()).status).toBe(404);
  expect((await scrape('Bearer scrape-mf')).status).toBe(404);
  const response = await scrape('Bearer scrape-me');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toContain('show_tokens_issued_total{role="viewer"} 1');
  expect(text).toContain('show_chat_messages_total{outcome="accepted",code=""} 1');
  expect(text).toContain('show_chat_messages_total{outcome="refused",code="rate_limited"} 1');
  expect(text).toContain(
    'show_http_requests_total{route="chat",method="POST",status="429",code="rate_limited"} 1',
  );
  expect(text).toContain('show_viewers{room="spring-drop"} 1');
  expect(text).toContain('show_webhooks_total{event="participant_joined"} 1');
  expect(text).toMatch(
    /show_store_operation_duration_seconds_count\{store="database",operation="chat\.append"\} 1/,
  );
  const packets = Number(/show_delivery_packets_total\{outcome="sent"\} (\d+)/.exec(text)?.[1]);
  expect(packets).toBe(t.server.stats().packets);
  expect(packets).toBeGreaterThanOrEqual(2);
  expect(text).toContain(`show_delivery_send_seconds_count ${packets}`);
  expect(text).toContain(`show_delivery_wait_seconds_count ${packets}`);
  // Nothing a client sent becomes a label: no chat text, no identities.
  expect(text).not.toContain('hello');
  expect(text).not.toContain(body.identity);
});
