import { afterEach, describe, expect, test } from 'vitest';
import { browser, createTestServer, join, ORIGIN, staffBrowser } from '../test/fixtures';
import { personOf } from './identity';
import type { ServerEvent } from './wire';
import type { ReplayBody } from './routes/replay';
import { openDatabase } from './index';

type TestServer = Awaited<ReturnType<typeof createTestServer>>;
let t: TestServer;
afterEach(async () => {
  await t?.close();
});

const ROOM = 'spring-drop';
const chat = (who: ReturnType<typeof browser>, text: unknown, id?: string) =>
  t.server.chat(
    who.request(`/api/shows/${ROOM}/chat`, {
      method: 'POST',
      json: { text, ...(id && { id }) },
    }),
    ROOM,
  );
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('tokens: one person, one identity per connection', () => {
  test('viewers join hidden with no data rights; two tabs get two identities of one person', async () => {
    t = await createTestServer();
    const ana = browser();
    const first = await join(t.server, ana);
    const second = await join(t.server, ana);
    expect(first.response.status).toBe(200);
    expect(first.claims?.video).toMatchObject({
      roomJoin: true,
      room: ROOM,
      hidden: true,
      canPublishData: false,
      canPublish: false,
      canSubscribe: true,
    });
    expect(first.body.identity).not.toBe(second.body.identity);
    expect(personOf(first.body.identity)).toBeDefined();
    expect(personOf(first.body.identity)).toBe(personOf(second.body.identity));
    // The cookie is set once: the second request was the same person with the same name.
    expect(second.response.headers.getSetCookie()).toEqual([]);
  });

  test('a forged or tampered cookie yields a new person', async () => {
    t = await createTestServer();
    const ana = browser();
    const original = personOf((await join(t.server, ana)).body.identity);
    const cookie = ana.jar.get('__Host-show_person') ?? '';
    const [id, name, mac] = cookie.split('.');
    const forgeries = [
      `${id}.${name}.${mac?.slice(0, -2)}AA`,
      `${'x'.repeat(22)}.${name}.${mac}`,
      `${id}.${btoa('Mallory').replace(/=/g, '')}.${mac}`,
      'v-00000000-0000-0000-0000-000000000000',
    ];
    for (const forged of forgeries) {
      const mallory = browser();
      mallory.jar.set('__Host-show_person', forged);
      const { body, response } = await join(t.server, mallory);
      expect(personOf(body.identity)).not.toBe(original);
      expect(response.headers.getSetCookie()[0]).toMatch(/^__Host-show_person=/);
    }
  });

  test('the host identity only for an admin request with a host session; moderators are visible', async () => {
    t = await createTestServer();
    const host = await staffBrowser('host');
    const asHost = await join(t.server, host, { admin: true, name: 'Host' });
    expect(asHost.body).toMatchObject({ identity: 'host', role: 'host' });
    expect(asHost.claims?.video).toMatchObject({ canPublish: true, canPublishData: false });
    expect(asHost.claims?.video?.hidden).not.toBe(true);
    // The host's own browser on the viewer page joins as a viewer (not as "host").
    expect((await join(t.server, host)).body.role).toBe('viewer');

    const moderator = await staffBrowser('moderator');
    const asModerator = await join(t.server, moderator, { name: 'Mo' });
    expect(asModerator.body.role).toBe('moderator');
    expect(asModerator.claims?.video).toMatchObject({ hidden: false, canPublishData: false });
    expect((await join(t.server, moderator, { admin: true })).response.status).toBe(403);
    expect((await join(t.server, browser(), { admin: true })).response.status).toBe(403);
  });

  test('tokens only for shows', async () => {
    t = await createTestServer({ isShow: (room) => room === ROOM });
    const { response, body } = await join(t.server, browser(), { room: 'free-rooms-for-all' });
    expect(response.status).toBe(400);
    expect((body as unknown as { error: { code: string } }).error.code).toBe('invalid_room');
    expect(t.created).toEqual([]);
  });

  test('the server creates the show room before the first token, once while it is open', async () => {
    t = await createTestServer();
    await join(t.server, browser());
    await join(t.server, browser());
    expect(t.created).toEqual([ROOM]);
  });

  test('a full show refuses new viewers (503 room_full); those already in, the host and moderators get in', async () => {
    t = await createTestServer({ maxParticipants: 22, maxViewers: 2 });
    const room = { sid: 'RM_full', name: ROOM };
    const ana = browser();
    const identities: string[] = [];
    for (const [who, sid] of [
      [ana, 'PA_a'],
      [browser(), 'PA_b'],
    ] as const) {
      const { body } = await join(t.server, who);
      identities.push(body.identity);
      await t.webhook({
        event: 'participant_joined',
        room,
        participant: { sid, identity: body.identity },
      });
    }
    const cleo = await join(t.server, browser());
    expect(cleo.response.status).toBe(503);
    expect(cleo.response.headers.get('retry-after')).toBe('30');
    expect((cleo.body as unknown as { error: { code: string } }).error.code).toBe('room_full');
    // Ana's second tab, or her reconnect: her seat is hers.
    expect((await join(t.server, ana)).response.status).toBe(200);
    expect((await join(t.server, await staffBrowser('moderator'))).response.status).toBe(200);
    const host = await join(t.server, await staffBrowser('host'), { admin: true });
    expect(host.response.status).toBe(200);
    // When someone leaves, a seat opens.
    await t.webhook({
      event: 'participant_left',
      room,
      participant: { sid: 'PA_b', identity: identities[1] },
    });
    expect((await join(t.server, browser())).response.status).toBe(200);
  });

  test('maxViewers must leave room within maxParticipants', async () => {
    await expect(createTestServer({ maxParticipants: 10, maxViewers: 11 })).rejects.toThrow(
      /maxViewers must be a whole number from 1 to maxParticipants/,
    );
  });

  test('when LiveKit cannot create the room, no token: a 502 that names no detail', async () => {
    const errors: unknown[] = [];
    const { TokenError } = await import('@show/token');
    t = await createTestServer({
      production: true,
      onError: (error) => errors.push(error),
      roomService: {
        createRoom: () => Promise.reject(new TokenError('room_service_failed', 'answered 401.')),
        listParticipants: async () => [],
        sendData: async () => {},
        updateAttributes: async () => {},
      },
    });
    const { response, body } = await join(t.server, browser());
    expect(response.status).toBe(502);
    expect(JSON.stringify(body)).not.toMatch(/401/);
    expect(errors).toHaveLength(1);
  });
});

describe('chat through the server', () => {
  test('is stamped with the name and role the server knows, stored and delivered', async () => {
    t = await createTestServer();
    const ana = browser();
    await join(t.server, ana, { name: 'Ana' });
    const response = await chat(ana, '  Is the scarf silk?  ');
    expect(response.status).toBe(201);
    const { message } = (await response.json()) as { message: Record<string, unknown> };
    expect(message).toMatchObject({
      text: 'Is the scarf silk?',
      from: { name: 'Ana', role: 'viewer' },
    });

    const moderator = await staffBrowser('moderator');
    await join(t.server, moderator, { name: 'Mo' });
    await chat(moderator, 'Yes, 100 % silk.');
    const events = await t.delivered(ROOM);
    expect(events.map((e) => e.type === 'chat' && [e.from.name, e.from.role, e.text])).toEqual([
      ['Ana', 'viewer', 'Is the scarf silk?'],
      ['Mo', 'moderator', 'Yes, 100 % silk.'],
    ]);
    expect(t.sent.every((p) => p.topic === 'show.events')).toBe(true);
  });

  test('an accepted message says where its time went (Server-Timing: store, total)', async () => {
    t = await createTestServer();
    const ana = browser();
    await join(t.server, ana);
    const response = await chat(ana, 'timed');
    expect(response.headers.get('server-timing')).toMatch(/^store;dur=\d+\.\d, total;dur=\d+\.\d$/);
  });

  test('someone who has not joined is refused, and bad input gets a 4xx with a code', async () => {
    t = await createTestServer();
    expect((await errorOf(await chat(browser(), 'hi'))).code).toBe('unauthorized');
    const ana = browser();
    await join(t.server, ana);
    const post = (init: RequestInit & { json?: unknown }) =>
      t.server.chat(ana.request(`/api/shows/${ROOM}/chat`, { method: 'POST', ...init }), ROOM);
    const cases: Array<[RequestInit & { json?: unknown }, number, string]> = [
      [{ json: { text: '' } }, 400, 'invalid_request'],
      [{ json: { text: '   ' } }, 400, 'invalid_request'],
      [{ json: { text: 'x'.repeat(281) } }, 400, 'invalid_request'],
      [{ json: { text: 'evil\u202etxt.exe' } }, 400, 'invalid_request'],
      [{ json: { text: 42 } }, 400, 'invalid_request'],
      [{ json: { text: 'ok', id: '../../etc' } }, 400, 'invalid_request'],
      [{ json: ['text'] }, 400, 'invalid_request'],
      [
        { body: '{"text":', headers: { 'Content-Type': 'application/json' } },
        400,
        'invalid_request',
      ],
      [
        { body: 'text=hi', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
        415,
        'unsupported_media_type',
      ],
      [{ json: { text: 'x'.repeat(5000) } }, 413, 'payload_too_large'],
      [{ json: { text: 'hi' }, headers: { Origin: 'https://evil.example' } }, 403, 'forbidden'],
      [{ method: 'PUT', json: { text: 'hi' } }, 405, 'method_not_allowed'],
    ];
    for (const [init, status, code] of cases) {
      const response = await post(init);
      const text = await response.text();
      expect([
        JSON.stringify(init).slice(0, 60),
        response.status,
        JSON.parse(text).error?.code,
      ]).toEqual([JSON.stringify(init).slice(0, 60), status, code]);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
    }
    expect(await t.delivered(ROOM)).toEqual([]);
  });

  test('five messages per ten seconds per person, across tabs, with Retry-After', async () => {
    t = await createTestServer();
    const ana = browser();
    await join(t.server, ana);
    await join(t.server, ana); // a second tab: the same person, the same allowance
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await chat(ana, `spam ${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const refused = await chat(ana, 'one more');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
    const error = (await refused.json()) as { error: { code: string; retryAfterMs: number } };
    expect(error.error.code).toBe('rate_limited');
    expect(error.error.retryAfterMs).toBeGreaterThan(8000);
    // Someone else is not held back by Ana.
    const ben = browser();
    await join(t.server, ben, { name: 'Ben' });
    expect((await chat(ben, 'hello')).status).toBe(201);
    expect((await t.delivered(ROOM)).filter((e) => e.type === 'chat')).toHaveLength(6);
  });

  test('a retried message (same id) is acknowledged again, stored and delivered once', async () => {
    t = await createTestServer();
    const ana = browser();
    await join(t.server, ana);
    expect((await chat(ana, 'once', 'client-id-0001')).status).toBe(201);
    expect((await chat(ana, 'once', 'client-id-0001')).status).toBe(200);
    const ben = browser();
    await join(t.server, ben, { name: 'Ben' });
    // Ben cannot take (or overwrite) Ana's message by its id.
    expect((await chat(ben, 'mine now', 'client-id-0001')).status).toBe(400);
    expect((await t.delivered(ROOM)).filter((e) => e.type === 'chat')).toHaveLength(1);
  });

  test('a late joiner gets the last N messages in order, without deleted ones', async () => {
    t = await createTestServer({ rules: { historySize: 3, maxMessages: 100 } });
    const ana = browser();
    await join(t.server, ana);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const { message } = (await (await chat(ana, `message ${i}`)).json()) as {
        message: { id: string };
      };
      ids.push(message.id);
    }
    const moderator = await staffBrowser('moderator');
    await join(t.server, moderator, { name: 'Mo' });
    const deleted = await t.server.deleteMessage(
      moderator.request(`/api/shows/${ROOM}/chat/delete`, { method: 'POST', json: { id: ids[3] } }),
      ROOM,
    );
    expect(deleted.status).toBe(200);

    const late = browser();
    const history = (await (
      await t.server.chat(late.request(`/api/shows/${ROOM}/chat`), ROOM)
    ).json()) as { messages: Array<{ text: string; seq: number }>; muted: boolean };
    expect(history.messages.map((m) => m.text)).toEqual(['message 2', 'message 3', 'message 5']);
    expect(history.muted).toBe(false);
    const events = await t.delivered(ROOM);
    expect(events.at(-1)).toEqual({ type: 'chat.delete', id: ids[3] });
  });
});

describe('moderation', () => {
  test('only staff delete and mute; a mute holds on every tab and every rejoin', async () => {
    t = await createTestServer();
    const ben = browser();
    const { body } = await join(t.server, ben, { name: 'Ben' });
    const person = personOf(body.identity);
    const mute = (who: ReturnType<typeof browser>, muted: boolean) =>
      t.server.mutes(
        who.request(`/api/shows/${ROOM}/mutes`, { method: 'POST', json: { person, muted } }),
        ROOM,
      );
    expect((await mute(ben, true)).status).toBe(401);
    const moderator = await staffBrowser('moderator');
    expect((await mute(moderator, true)).status).toBe(200);

    expect((await errorOf(await chat(ben, 'let me speak'))).code).toBe('muted');
    await join(t.server, ben, { name: 'Ben again' }); // a rejoin, a new tab, a new name
    expect((await chat(ben, 'let me speak')).status).toBe(403);
    const history = (await (
      await t.server.chat(ben.request(`/api/shows/${ROOM}/chat`), ROOM)
    ).json()) as { muted: boolean };
    expect(history.muted).toBe(true);
    const list = await t.server.mutes(moderator.request(`/api/shows/${ROOM}/mutes`), ROOM);
    expect(await list.json()).toEqual({ muted: [person] });

    expect((await mute(moderator, false)).status).toBe(200);
    expect((await chat(ben, 'thanks')).status).toBe(201);
    const events = await t.delivered(ROOM);
    expect(events.filter((e) => e.type === 'mute')).toEqual([
      { type: 'mute', person, muted: true },
      { type: 'mute', person, muted: false },
    ]);
    expect((await t.database.shows.entries(ROOM)).map((e) => e.kind)).toEqual(['mute', 'unmute']);
  });

  test('a viewer cannot delete; a moderator deleting a missing message gets 404', async () => {
    t = await createTestServer();
    const ana = browser();
    await join(t.server, ana);
    const del = (who: ReturnType<typeof browser>, id: string) =>
      t.server.deleteMessage(
        who.request(`/api/shows/${ROOM}/chat/delete`, { method: 'POST', json: { id } }),
        ROOM,
      );
    expect((await del(ana, 'abcdefgh1234')).status).toBe(401);
    expect((await del(await staffBrowser('moderator'), 'abcdefgh1234')).status).toBe(404);
  });
});

describe('reactions and reports', () => {
  test('reactions are limited per person and summed before delivery', async () => {
    t = await createTestServer({ batchIntervalMs: 1000 });
    const ana = browser();
    await join(t.server, ana);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await t.server.react(
        ana.request(`/api/shows/${ROOM}/reactions`, { method: 'POST' }),
        ROOM,
      );
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    await t.server.close();
    const reactions = t.sent.flatMap((p) => p.events).filter((e) => e.type === 'reactions');
    // The first tap went at once; the other 19 waited for the next slot and went as one count.
    expect(reactions).toEqual([
      { type: 'reactions', count: 1 },
      { type: 'reactions', count: 19 },
    ]);
  });

  test('reports only for your own connection, one per interval, weighted by the server', async () => {
    t = await createTestServer({ reportIntervalMs: 1000 });
    const report = {
      v: 1,
      t: Date.now(),
      p: 0.000001,
      bps: 700_000,
      loss: 0,
      rtt: 20,
      jit: 3,
      fps: 20,
      w: 640,
      h: 480,
      st: 'connected',
    };
    const ana = browser();
    const anaIdentity = (await join(t.server, ana)).body.identity;
    const ben = browser();
    const benIdentity = (await join(t.server, ben, { name: 'Ben' })).body.identity;
    for (const [identity, person] of [
      [anaIdentity, ana],
      [benIdentity, ben],
    ] as const) {
      await t.webhook({
        event: 'participant_joined',
        room: { sid: 'RM_1', name: ROOM },
        participant: { sid: `PA_${identity}`, identity, attributes: { 'show.role': 'viewer' } },
      });
      void person;
    }
    const send = (who: ReturnType<typeof browser>, identity: string) =>
      t.server.report(
        who.request(`/api/shows/${ROOM}/reports`, { method: 'POST', json: { identity, report } }),
        ROOM,
      );
    expect((await send(ana, benIdentity)).status).toBe(403);
    // Three at once is the most an honest page sends; a fourth is a flood.
    for (let i = 0; i < 3; i++) expect((await send(ana, anaIdentity)).status).toBe(202);
    expect((await send(ana, anaIdentity)).status).toBe(429);
    expect((await send(ben, benIdentity)).status).toBe(202);
    const bad = await t.server.report(
      ana.request(`/api/shows/${ROOM}/reports`, {
        method: 'POST',
        json: { identity: anaIdentity, report: { ...report, loss: 7 } },
      }),
      ROOM,
    );
    expect(bad.status).toBe(400);

    // The host hears the summary: four reports of two viewers (the viewer's p = 1e-6 was ignored).
    await new Promise((resolve) => setTimeout(resolve, 2300));
    const fleet = t.sent.filter((p) => p.to?.[0] === 'host').flatMap((p) => p.events);
    const last = fleet.at(-1) as Extract<ServerEvent, { type: 'fleet' }> | undefined;
    const summary = last?.summary as { viewersReporting: number; reports: number } | undefined;
    expect(summary?.reports).toBe(4);
    expect(summary?.viewersReporting).toBeLessThanOrEqual(2);
  });
});

describe('webhooks keep the show state', () => {
  test('a live show whose node died goes on: room_started again keeps it live and counted', async () => {
    t = await createTestServer();
    const ana = (await join(t.server, browser())).body.identity;
    const room = { sid: 'RM_1', name: ROOM };
    const host = (sid: string) => ({ sid, identity: 'host', attributes: { 'show.role': 'host' } });
    await t.webhook({ event: 'room_started', room });
    await t.webhook({ event: 'participant_joined', room, participant: host('PA_host1') });
    await t.webhook({ event: 'track_published', room, participant: host('PA_host1') });
    await t.webhook({
      event: 'participant_joined',
      room,
      participant: { sid: 'PA_ana1', identity: ana, attributes: { 'show.role': 'viewer' } },
    });
    const state = async () =>
      (await t.server.show(browser().request(`/api/shows/${ROOM}`), ROOM)).json();
    expect(await state()).toMatchObject({ status: 'live', viewers: 1 });

    // The node dies: no participant_left, no room_finished. Another node starts the room again
    // (a new sid) and everyone rejoins there with new participant sids.
    const moved = { sid: 'RM_2', name: ROOM };
    await t.webhook({ event: 'room_started', room: moved });
    expect(await state()).toMatchObject({ status: 'live', viewers: 1 });
    await t.webhook({ event: 'participant_joined', room: moved, participant: host('PA_host2') });
    await t.webhook({
      event: 'participant_joined',
      room: moved,
      participant: { sid: 'PA_ana2', identity: ana, attributes: { 'show.role': 'viewer' } },
    });
    expect(await state()).toMatchObject({ status: 'live', viewers: 1 });
    // The host's connection on the dead node is forgotten: leaving from the new one ends the show.
    await t.webhook({ event: 'participant_left', room: moved, participant: host('PA_host2') });
    expect(await state()).toMatchObject({ status: 'ended' });
  });

  test('after a node died, someone LiveKit still lists from before the move is no viewer', async () => {
    t = await createTestServer({ reconcileIntervalMs: 50 });
    const ana = (await join(t.server, browser())).body.identity;
    const dee = (await join(t.server, browser())).body.identity;
    const startedAt = Date.now() - 120_000;
    const room = { sid: 'RM_1', name: ROOM };
    const host = (sid: string) => ({ sid, identity: 'host', attributes: { 'show.role': 'host' } });
    const viewer = (sid: string, identity: string) => ({
      sid,
      identity,
      attributes: { 'show.role': 'viewer' },
    });
    await t.webhook({ event: 'room_started', room, createdAt: Math.floor(startedAt / 1000) });
    await t.webhook({ event: 'participant_joined', room, participant: host('PA_h1') });
    await t.webhook({ event: 'track_published', room, participant: host('PA_h1') });
    await t.webhook({ event: 'participant_joined', room, participant: viewer('PA_a1', ana) });
    await t.webhook({ event: 'participant_joined', room, participant: viewer('PA_d1', dee) });
    expect((await t.server.state(ROOM)).viewers).toBe(2);

    // The node dies; Dee closes her tab meanwhile. The room starts on another node, Ana and the
    // host rejoin there. LiveKit still lists Dee, with her join time on the dead node.
    const movedAt = Date.now();
    const moved = { sid: 'RM_2', name: ROOM };
    await t.webhook({ event: 'room_started', room: moved, createdAt: Math.floor(movedAt / 1000) });
    await t.webhook({ event: 'participant_joined', room: moved, participant: host('PA_h2') });
    await t.webhook({
      event: 'participant_joined',
      room: moved,
      participant: viewer('PA_a2', ana),
    });
    t.participants.set(ROOM, [
      { ...host('PA_h2'), joinedAtMs: movedAt + 300 },
      { ...viewer('PA_a2', ana), joinedAtMs: movedAt + 400 },
      { ...viewer('PA_d1', dee), joinedAtMs: startedAt + 5000 },
    ]);
    await expect.poll(async () => (await t.server.state(ROOM)).viewers).toBe(1);
    expect(await t.hot.presence.people(ROOM)).toEqual([ana.split('.')[0]]);
    expect((await t.server.state(ROOM)).status).toBe('live');
  });

  test('viewers counted by person, staff not counted, each event applied once', async () => {
    t = await createTestServer();
    const ana = browser();
    const tab1 = (await join(t.server, ana)).body.identity;
    const tab2 = (await join(t.server, ana)).body.identity;
    const ben = (await join(t.server, browser(), { name: 'Ben' })).body.identity;
    const room = { sid: 'RM_1', name: ROOM };
    const joined = (identity: string, role = 'viewer', id?: string) =>
      t.webhook({
        ...(id && { id }),
        event: 'participant_joined',
        room,
        participant: { sid: `PA_${identity}`, identity, attributes: { 'show.role': role } },
      });
    await t.webhook({ event: 'room_started', room });
    await t.webhook({
      event: 'track_published',
      room,
      participant: { sid: 'PA_host', identity: 'host' },
    });
    await joined('host', 'host');
    await joined(tab1, 'viewer', 'EV_once');
    const repeat = await joined(tab1, 'viewer', 'EV_once');
    expect(await repeat.json()).toEqual({ ok: true, duplicate: true });
    await joined(tab2);
    await joined(ben);
    const state = async () =>
      (await t.server.show(browser().request(`/api/shows/${ROOM}`), ROOM)).json();
    expect(await state()).toMatchObject({ status: 'live', viewers: 2, peakViewers: 2 });
    await t.webhook({ event: 'participant_left', room, participant: { sid: 'x', identity: tab1 } });
    expect(await state()).toMatchObject({ viewers: 2 });
    await t.webhook({ event: 'participant_left', room, participant: { sid: 'x', identity: tab2 } });
    expect(await state()).toMatchObject({ viewers: 1, peakViewers: 2 });
    await t.webhook({
      event: 'participant_left',
      room,
      participant: { sid: 'PA_host', identity: 'host' },
    });
    expect(await state()).toMatchObject({ status: 'ended' });
    const counts = (await t.delivered(ROOM)).filter((e) => e.type === 'viewers');
    expect(counts.at(-1)).toEqual({ type: 'viewers', count: 1 });
  });

  test('the show event says why a show ended: the host ended it, dropped out, or the room closed', async () => {
    const ends: string[] = [];
    t = await createTestServer({
      // Only the event of the moment it ended says why (a host rejoining an ended show sends more).
      observe: { show: (e) => void (e.endedBy && ends.push(`${e.status} ${e.endedBy}`)) },
    });
    const room = { sid: 'RM_4', name: ROOM };
    const host = (sid: string, status?: string) => ({
      sid,
      identity: 'host',
      attributes: { 'show.role': 'host', ...(status && { 'show.status': status }) },
    });
    const live = async (sid: string) => {
      await t.webhook({ event: 'participant_joined', room, participant: host(sid) });
      await t.webhook({ event: 'track_published', room, participant: host(sid, 'live') });
    };
    await t.webhook({ event: 'room_started', room });
    await live('PA_1');
    await t.webhook({ event: 'participant_left', room, participant: host('PA_1', 'live') });
    await live('PA_2');
    await t.webhook({ event: 'participant_left', room, participant: host('PA_2', 'ended') });
    await t.webhook({ event: 'room_finished', room });
    expect(ends).toEqual(['ended disconnect', 'ended host', 'ended room_closed']);
  });

  test('a show its host ended closes its room a little later; a dropout, a show live again or a host back in the studio does not', async () => {
    t = await createTestServer({ closeEndedRoomsAfterMs: 100 });
    const room = { sid: 'RM_5', name: ROOM };
    const host = (sid: string, status: string) => ({
      sid,
      identity: 'host',
      attributes: { 'show.role': 'host', 'show.status': status },
    });
    const live = async (sid: string) => {
      await t.webhook({ event: 'participant_joined', room, participant: host(sid, 'live') });
      await t.webhook({ event: 'track_published', room, participant: host(sid, 'live') });
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
    await t.webhook({ event: 'room_started', room });
    await live('PA_1');
    // The host drops out: they may come back, the room stays.
    await t.webhook({ event: 'participant_left', room, participant: host('PA_1', 'live') });
    await settle();
    expect(t.deleted).toEqual([]);
    // The host ends the show, and goes live again before the room would close: it stays.
    await live('PA_2');
    await t.webhook({ event: 'participant_left', room, participant: host('PA_2', 'ended') });
    await live('PA_3');
    await settle();
    expect(t.deleted).toEqual([]);
    // Ended, and the host is back in the studio preparing the next show: it stays.
    await t.webhook({ event: 'participant_left', room, participant: host('PA_3', 'ended') });
    await t.webhook({ event: 'participant_joined', room, participant: host('PA_4', 'ready') });
    await settle();
    expect(t.deleted).toEqual([]);
    // Ended for good: closed.
    await live('PA_5');
    await t.webhook({ event: 'participant_left', room, participant: host('PA_4', 'ready') });
    await t.webhook({ event: 'participant_left', room, participant: host('PA_5', 'ended') });
    await settle();
    expect(t.deleted).toEqual([ROOM]);
  });

  test('a recorder or an agent in the room is no viewer, joining or listed', async () => {
    t = await createTestServer();
    const room = { sid: 'RM_3', name: ROOM };
    const state = async () =>
      (await t.server.show(browser().request(`/api/shows/${ROOM}`), ROOM)).json();
    await t.webhook({ event: 'room_started', room });
    await t.webhook({
      event: 'participant_joined',
      room,
      participant: { sid: 'PA_rec', identity: 'recorder-REC_1', kind: 'EGRESS' },
    });
    await t.webhook({
      event: 'participant_joined',
      room,
      participant: { sid: 'PA_bot', identity: 'assistant', kind: 'AGENT' },
    });
    await t.webhook({
      event: 'participant_joined',
      room,
      participant: { sid: 'PA_v', identity: 'v' },
    });
    expect(await state()).toMatchObject({ viewers: 1, peakViewers: 1 });
  });

  test('participants with tokens minted elsewhere count as people of their own', async () => {
    t = await createTestServer();
    const room = { sid: 'RM_2', name: ROOM };
    for (const identity of ['subscriber_0', 'subscriber_1', 'subscriber_1']) {
      await t.webhook({ event: 'participant_joined', room, participant: { sid: 'PA', identity } });
    }
    expect((await t.server.state(ROOM)).viewers).toBe(2);
  });

  test('a count that webhooks got wrong (LiveKit dropped some) is corrected from LiveKit’s list', async () => {
    t = await createTestServer({ reconcileIntervalMs: 50 });
    const room = { sid: 'RM_3', name: ROOM };
    const viewer = (n: number) => `${String(n).padStart(22, 'v')}.${'c'.repeat(11)}`;
    for (const n of [1, 2, 3]) {
      await t.webhook({
        event: 'participant_joined',
        room,
        participant: { sid: `PA_${n}`, identity: viewer(n) },
      });
    }
    expect((await t.server.state(ROOM)).viewers).toBe(3);
    // Viewer 3 left, but LiveKit's webhook never came (staff and recorders are not audience).
    t.participants.set(ROOM, [
      { identity: 'host', sid: 'PA_h', attributes: { 'show.role': 'host' } },
      { identity: 'recorder-REC_1', sid: 'PA_r', attributes: {}, kind: 'EGRESS' },
      { identity: 'mod.x', sid: 'PA_m', attributes: { 'show.role': 'moderator' } },
      { identity: viewer(1), sid: 'PA_1', attributes: {} },
      { identity: viewer(2), sid: 'PA_2', attributes: {} },
    ]);
    await expect.poll(async () => (await t.server.state(ROOM)).viewers).toBe(2);
    await expect
      .poll(async () => (await t.delivered(ROOM)).filter((e) => e.type === 'viewers').at(-1))
      .toEqual({ type: 'viewers', count: 2 });
    // Someone LiveKit has whose join was never announced; viewer 2 gone too.
    t.participants.set(ROOM, [
      { identity: viewer(1), sid: 'PA_1', attributes: {} },
      { identity: 'subscriber_9', sid: 'PA_9', attributes: {} },
    ]);
    await expect
      .poll(async () => (await t.hot.presence.people(ROOM)).sort())
      .toEqual(['subscriber_9', viewer(1).split('.')[0]].sort());
    t.participants.set(ROOM, [{ identity: viewer(1), sid: 'PA_1', attributes: {} }]);
    await expect.poll(async () => (await t.server.state(ROOM)).viewers).toBe(1);
  });

  test("show-doctor's probe room: its room_started is answered in the room's metadata, nothing kept", async () => {
    t = await createTestServer({ isShow: (room) => room === ROOM });
    const room = { sid: 'RM_p', name: 'show-doctor-0a1b2c' };
    const createdAt = Math.floor(Date.now() / 1000) - 1;
    expect((await t.webhook({ event: 'room_started', room, createdAt })).status).toBe(200);
    expect(t.metadata).toHaveLength(1);
    const answer = JSON.parse(t.metadata[0]!.metadata) as { webhook: string; lagMs: number };
    expect(t.metadata[0]!.room).toBe('show-doctor-0a1b2c');
    expect(answer.webhook).toBe('received');
    expect(answer.lagMs).toBeGreaterThanOrEqual(0);
    expect(answer.lagMs).toBeLessThan(5000);
    await t.webhook({ event: 'room_finished', room });
    expect(t.metadata).toHaveLength(1);
    expect(await t.database.shows.entries('show-doctor-0a1b2c')).toEqual([]);
  });

  test('a room that is no show keeps no state (nothing grows for rooms made elsewhere)', async () => {
    t = await createTestServer({ isShow: (room) => room === ROOM });
    const room = { sid: 'RM_x', name: 'made-by-hand' };
    expect((await t.webhook({ event: 'room_started', room })).status).toBe(200);
    await t.webhook({
      event: 'participant_joined',
      room,
      participant: { sid: 'PA_1', identity: `${'p'.repeat(22)}.${'c'.repeat(11)}` },
    });
    expect(await t.database.shows.entries('made-by-hand')).toEqual([]);
    expect(await t.delivered('made-by-hand')).toEqual([]);
  });

  test('an unsigned or forged webhook gets one generic 401', async () => {
    t = await createTestServer();
    const body = JSON.stringify({ id: 'EV_x', event: 'room_finished', room: { name: ROOM } });
    for (const authorization of [undefined, 'Bearer nonsense']) {
      const response = await t.server.webhook(
        new Request(`${ORIGIN}/api/livekit/webhook`, {
          method: 'POST',
          headers: authorization ? { Authorization: authorization } : {},
          body,
        }),
      );
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
  });
});

describe('failure', () => {
  test('a database that is down gives 503 storage_unavailable for writes, without a stack', async () => {
    t = await createTestServer({ production: true });
    const ana = browser();
    await join(t.server, ana);
    await t.database.close();
    const response = await chat(ana, 'anyone?');
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('storage_unavailable');
    expect(text).not.toMatch(/at .*\.ts|kysely|sqlite|Error:/i);
  });

  test('handle routes by path and leaves other paths alone', async () => {
    t = await createTestServer();
    const ana = browser();
    await join(t.server, ana);
    const routed = await t.server.handle(
      ana.request(`/api/shows/${ROOM}/chat`, { method: 'POST', json: { text: 'via handle' } }),
    );
    expect(routed?.status).toBe(201);
    expect(await t.server.handle(ana.request('/api/other'))).toBeUndefined();
    expect(await t.server.handle(ana.request('/elsewhere'))).toBeUndefined();
    expect((await t.server.handle(ana.request(`/api/shows/bad%20room`)))?.status).toBe(404);
  });
});

test('a webhook that could not be applied is applied when LiveKit sends it again', async () => {
  t = await createTestServer();
  const identity = (await join(t.server, browser())).body.identity;
  const event = {
    id: 'EV_retry',
    event: 'participant_joined',
    room: { sid: 'RM_1', name: ROOM },
    participant: { sid: 'PA_1', identity, attributes: { 'show.role': 'viewer' } },
  };
  const raise = t.database.shows.raisePeak;
  t.database.shows.raisePeak = () => Promise.reject(new Error('database down'));
  expect((await t.webhook(event)).status).toBe(500);
  t.database.shows.raisePeak = raise;
  const retried = await t.webhook(event);
  expect(await retried.json()).toEqual({ ok: true, duplicate: false });
  expect(await t.server.state(ROOM)).toMatchObject({ viewers: 1, peakViewers: 1 });
});

test('the host pins through the server: logged with the time, set on the host for every page', async () => {
  t = await createTestServer({ now: () => 1_780_000_000_000 });
  const pin = (who: ReturnType<typeof browser>, ids: unknown) =>
    t.server.pins(who.request(`/api/shows/${ROOM}/pins`, { method: 'POST', json: { ids } }), ROOM);
  const host = await staffBrowser('host');
  expect((await pin(host, ['mug', 'scarf', 'mug'])).status).toBe(200);
  expect(t.attributes).toEqual([
    { room: ROOM, identity: 'host', attributes: { 'show.pins': '["mug","scarf"]' } },
  ]);
  expect(await t.database.shows.entries(ROOM)).toEqual([
    { room: ROOM, kind: 'pin', detail: '["mug","scarf"]', at: 1_780_000_000_000 },
  ]);
  expect((await pin(await staffBrowser('moderator'), ['mug'])).status).toBe(403);
  expect((await pin(browser(), ['mug'])).status).toBe(401);
  expect((await pin(host, ['a', 'b', 'c', 'd'])).status).toBe(400);
  expect((await pin(host, ['<script>'])).status).toBe(400);
  expect(t.attributes).toHaveLength(1);
  // The host joining again (a new tab, a restarted LiveKit) carries the pins in its token…
  const again = await join(t.server, host, { admin: true });
  expect(again.claims?.attributes?.['show.pins']).toBe('["mug","scarf"]');
  // …until the show ends.
  await t.database.shows.record({
    room: ROOM,
    kind: 'status',
    detail: 'ended',
    at: 1_780_000_000_000,
  });
  const next = await join(t.server, host, { admin: true });
  expect(next.claims?.attributes?.['show.pins']).toBeUndefined();
});

test('the replay of a window: pins, status and chat by time, deleted messages left out', async () => {
  let now = 1_780_000_000_000;
  t = await createTestServer({ now: () => now });
  const host = await staffBrowser('host');
  const pin = (ids: string[]) =>
    t.server.pins(host.request(`/api/shows/${ROOM}/pins`, { method: 'POST', json: { ids } }), ROOM);
  const ana = browser();
  await join(t.server, ana, { name: 'Ana' });
  const say = async (text: string) =>
    (await (
      await t.server.chat(
        ana.request(`/api/shows/${ROOM}/chat`, { method: 'POST', json: { text } }),
        ROOM,
      )
    ).json()) as { message: { id: string } };
  await t.database.shows.record({ room: ROOM, kind: 'status', detail: 'live', at: now });
  now += 1_000;
  await pin(['scarf']);
  now += 1_000;
  await say('Is it silk?');
  const spam = await say('spam.example');
  await t.database.chat.remove(ROOM, spam.message.id, 'mod', now);
  now += 1_000;
  await pin(['scarf', 'mug']);
  now += 10_000;

  const replay = (query: string) =>
    t.server.replay(browser().request(`/api/shows/${ROOM}/replay?${query}`), ROOM);
  const response = await replay('from=1780000000000&to=1780000003000');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('public, max-age=60');
  const body = (await response.json()) as ReplayBody;
  expect(body.pins).toEqual([
    { at: 1_780_000_001_000, ids: ['scarf'] },
    { at: 1_780_000_003_000, ids: ['scarf', 'mug'] },
  ]);
  expect(body.status).toEqual([{ at: 1_780_000_000_000, status: 'live' }]);
  expect(body.chat.map((m) => [m.text, m.sentAt, m.from.name])).toEqual([
    ['Is it silk?', 1_780_000_002_000, 'Ana'],
  ]);
  expect(body.truncated).toBe(false);
  // Only the window asked for.
  const later = (await (await replay('from=1780000002500&to=1780000009000')).json()) as ReplayBody;
  expect(later.pins.map((p) => p.ids)).toEqual([['scarf', 'mug']]);
  expect(later.chat).toEqual([]);
  // Bad windows are refused in words.
  for (const query of ['from=1&to=0', 'from=abc&to=1', 'to=5', `from=0&to=${2 * 86_400_000}`]) {
    const refused = await replay(query);
    expect(refused.status).toBe(400);
  }
});

test('an HLS audience polling the same finished window costs one read of the database, not one each', async () => {
  let now = 1_780_000_000_000;
  const database = await openDatabase({ url: 'sqlite::memory:' });
  let reads = 0;
  const between = database.chat.between.bind(database.chat);
  database.chat.between = async (...args) => {
    reads++;
    return between(...args);
  };
  t = await createTestServer({ now: () => now, database });
  const ana = browser();
  await join(t.server, ana, { name: 'Ana' });
  const say = (text: string) =>
    t.server.chat(ana.request(`/api/shows/${ROOM}/chat`, { method: 'POST', json: { text } }), ROOM);
  await say('first');
  now += 2_000;
  const replay = (from: number, to: number) =>
    t.server.replay(browser().request(`/api/shows/${ROOM}/replay?from=${from}&to=${to}`), ROOM);
  const start = 1_780_000_000_000 - 3_600_000;
  const poll = async (to: number, viewers: number) => {
    const answers = await Promise.all(
      Array.from({ length: viewers }, async () =>
        ((await (await replay(start, to)).json()) as ReplayBody).chat.map((m) => m.text),
      ),
    );
    return new Set(answers.map((texts) => texts.join('|')));
  };
  // A hundred viewers at once, the same finished window: one read, one answer for all.
  expect(await poll(now - 1_000, 100)).toEqual(new Set(['first']));
  expect(reads).toBe(1);
  // The next window (the pages' next poll) is read again, with what was said since.
  await say('second');
  now += 2_000;
  expect(await poll(now - 1_000, 50)).toEqual(new Set(['first|second']));
  expect(reads).toBe(2);
  // A window that is not over yet is never shared: each ask reads.
  await poll(now + 5_000, 3);
  expect(reads).toBe(5);
});

test('a cross-site page cannot hand a browser a new person; a broken cookie is a new person, not a 500', async () => {
  t = await createTestServer();
  const ana = browser();
  const crossSite = await t.server.token(
    ana.request(`/api/livekit/token?room=${ROOM}&username=Mallory`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    }),
  );
  expect(crossSite.status).toBe(403);
  expect(crossSite.headers.getSetCookie()).toEqual([]);
  for (const value of ['AAAAAAAAAAAAAAAAAAAAAA..A', `${'A'.repeat(22)}.QQ.A`, '..', '....']) {
    const broken = browser();
    broken.jar.set('__Host-show_person', value);
    broken.jar.set('show_host', '99999999999999.A');
    const { response } = await join(t.server, broken);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/^__Host-show_person=/);
  }
  const wrongMethod = await t.server.chat(
    ana.request(`/api/shows/${ROOM}/chat`, { method: 'PUT', json: {} }),
    ROOM,
  );
  expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
});

test('a second studio tab taking over the host does not end a live show', async () => {
  t = await createTestServer();
  const room = { sid: 'RM_1', name: ROOM };
  const host = (event: string, sid: string) =>
    t.webhook({
      event,
      room,
      participant: { sid, identity: 'host', attributes: { 'show.role': 'host' } },
    });
  await t.webhook({ event: 'room_started', room });
  await host('participant_joined', 'PA_tab1');
  await host('track_published', 'PA_tab1');
  await host('participant_joined', 'PA_tab2');
  // LiveKit drops the first tab's connection (same identity): that is not the host leaving.
  await host('participant_left', 'PA_tab1');
  expect((await t.server.state(ROOM)).status).toBe('live');
  await host('participant_left', 'PA_tab2');
  expect((await t.server.state(ROOM)).status).toBe('ended');
});

test('an honest page is never refused: a report 0.3 interval late, then the next on time', async () => {
  // Reports sampled every 1 000 ms; the first arrives 300 ms late, the rest on time.
  t = await createTestServer({ reportIntervalMs: 1000 });
  const ana = browser();
  const identity = (await join(t.server, ana)).body.identity;
  await t.webhook({
    event: 'participant_joined',
    room: { sid: 'RM_1', name: ROOM },
    participant: { sid: 'PA_ana', identity, attributes: { 'show.role': 'viewer' } },
  });
  const report = { v: 1, t: Date.now(), p: 1, bps: 1, loss: 0, rtt: 1, jit: 1, fps: 1, w: 1, h: 1 };
  const send = () =>
    t.server.report(
      ana.request(`/api/shows/${ROOM}/reports`, {
        method: 'POST',
        json: { identity, report: { ...report, st: 'connected' } },
      }),
      ROOM,
    );
  const started = performance.now();
  const answers: string[] = [];
  for (const at of [0, 700, 1700, 2700]) {
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, started + at - performance.now())),
    );
    const response = await send();
    answers.push(`${response.status} ${JSON.stringify(await response.json())}`);
  }
  expect(answers).toEqual(Array(4).fill('202 {"accepted":true}'));
});

test('moderators watch too: their reports count, though they are not audience', async () => {
  t = await createTestServer({ reportIntervalMs: 1000 });
  const moderator = await staffBrowser('moderator');
  const { body } = await join(t.server, moderator, { name: 'Mo' });
  await t.webhook({
    event: 'participant_joined',
    room: { sid: 'RM_1', name: ROOM },
    participant: {
      sid: 'PA_mo',
      identity: body.identity,
      attributes: { 'show.role': 'moderator' },
    },
  });
  const report = {
    v: 1,
    t: Date.now(),
    p: 1,
    bps: 1,
    loss: 0,
    rtt: 1,
    jit: 1,
    fps: 1,
    w: 1,
    h: 1,
    st: 'connected',
  };
  const response = await t.server.report(
    moderator.request(`/api/shows/${ROOM}/reports`, {
      method: 'POST',
      json: { identity: body.identity, report },
    }),
    ROOM,
  );
  expect(response.status).toBe(202);
  expect((await t.server.state(ROOM)).viewers).toBe(0);
});

test('a signed webhook replayed long after the event is refused like a forged one', async () => {
  t = await createTestServer();
  const now = Math.floor(Date.now() / 1000);
  const event = (createdAt: number, id: string) => ({
    id,
    createdAt: String(createdAt),
    event: 'room_finished',
    room: { sid: 'RM_1', name: ROOM },
  });
  expect((await t.webhook(event(now - 60, 'EV_fresh'))).status).toBe(200);
  const stale = await t.webhook(event(now - 3600, 'EV_stale'));
  expect(stale.status).toBe(401);
  expect(await stale.json()).toEqual({
    error: { code: 'unauthorized', message: 'The webhook could not be verified.' },
  });
  expect((await t.webhook(event(now + 3600, 'EV_future'))).status).toBe(401);
});

test('display names: folded to one form, nothing invisible or direction-changing, 40 characters, none reserved', async () => {
  t = await createTestServer();
  const tokenFor = async (name: string) => join(t.server, browser(), { name });
  const folded = await tokenFor('  Ａｎａ   Lisboa ');
  expect(folded.claims?.name).toBe('Ana Lisboa');
  for (const name of ['evil\u202egnp.exe', 'A\u200bna', 'x'.repeat(41), 'Host', 'MODERATOR']) {
    const { response } = await tokenFor(name);
    expect([name, response.status]).toEqual([name, 400]);
  }
  // Staff choose their own names (the host is "Maya from Atelier", not a viewer's "Host").
  const host = await staffBrowser('host');
  expect((await join(t.server, host, { name: 'Host', admin: true })).claims?.name).toBe('Host');
});
