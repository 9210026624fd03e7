/// <reference types="@show/harness/vitest-context" />
// The show's server against the real thing: livekit-server sending webhooks, Chromium pages
// joining through the token endpoint, chat and reports through the server. The whole suite runs
// twice: on the embedded defaults (SQLite, memory) and on PostgreSQL + Redis.
import { launchChromium } from '@show/harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { personOf, type ServerEvent } from '../src/index';
import { liveSessions, startLiveApp, type Backend, type LiveApp } from './live-app';

const shared = inject('storage');
let counter = 0;

describe.each<Backend>(['embedded', 'shared'])('with %s storage', (backend) => {
  let app: LiveApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startLiveApp(backend, shared, { reportIntervalMs: 1000 }),
      launchChromium(),
    ]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const newRoom = (label: string) => `${label}-${backend}-${Date.now().toString(36)}-${++counter}`;

  /** A new browser profile (its own cookies); `staff` signs it in as host or moderator. */
  async function person(staff?: 'host' | 'moderator') {
    const context = await browser.newContext();
    contexts.push(context);
    if (staff) {
      const sessions = await liveSessions();
      const header = await sessions.staffCookie(staff);
      const [name, value] = (header.split(';')[0] ?? '').split('=');
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: app.url }]);
    }
    return context;
  }

  async function tab(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForFunction(() => 'harness' in window);
    return page;
  }

  /** Gets a token through the app's endpoint (with this page's cookies) and joins. */
  async function joinShow(page: Page, room: string, name: string, admin = false) {
    const body = await page.evaluate(
      async ([room, name, admin]) => {
        const query = new URLSearchParams({
          room,
          username: name,
          ...(admin && { admin: 'true' }),
        });
        const response = await fetch(`/api/livekit/token?${query}`);
        return (await response.json()) as { token: string; identity: string };
      },
      [room, name, admin] as const,
    );
    const joined = await page.evaluate(([url, token]) => window.harness.join(url, token), [
      app.wsUrl,
      body.token,
    ] as const);
    expect(joined).toMatchObject({ ok: true });
    return body;
  }

  async function post(page: Page, path: string, json: unknown) {
    return page.evaluate(
      async ([path, json]) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(json),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      },
      [path, json] as const,
    );
  }

  /** The server's events this page received: only packets LiveKit says no participant sent. */
  async function serverEvents(page: Page): Promise<ServerEvent[]> {
    const packets = await page.evaluate(() => window.harness.received('show.events'));
    return packets
      .filter((p) => p.identity === '')
      .flatMap((p) => (JSON.parse(p.text) as { events: ServerEvent[] }).events);
  }
  const chatsOn = async (page: Page) =>
    (await serverEvents(page)).filter(
      (e): e is Extract<ServerEvent, { type: 'chat' }> => e.type === 'chat',
    );

  async function showState(room: string) {
    const response = await fetch(`${app.url}/api/shows/${room}`);
    return (await response.json()) as { viewers: number; status: string; peakViewers: number };
  }

  test('two tabs of one browser both play, and the server counts one person', async () => {
    const room = newRoom('tabs');
    const studio = await tab(await person('host'));
    await joinShow(studio, room, 'Host', true);
    await studio.evaluate(() => window.harness.publishCameraAndMicrophone());

    const ana = await person();
    const [first, second] = [await tab(ana), await tab(ana)];
    const one = await joinShow(first, room, 'Ana');
    const two = await joinShow(second, room, 'Ana');
    expect(one.identity).not.toBe(two.identity);
    expect(personOf(one.identity)).toBe(personOf(two.identity));

    for (const page of [first, second]) {
      await expect
        .poll(
          async () => (await page.evaluate(() => window.harness.videoReceiveStats())).framesDecoded,
          {
            timeout: 20_000,
          },
        )
        .toBeGreaterThan(10);
    }
    // The first tab was not dropped when the second joined.
    expect(await first.evaluate(() => window.harness.state())).toBe('connected');
    // Hidden: viewers do not see each other; the host does not see them either.
    expect(await first.evaluate(() => window.harness.remoteIdentities())).toEqual(['host']);
    expect(await studio.evaluate(() => window.harness.remoteIdentities())).toEqual([]);
    // Webhooks from the real server: one person watching (two connections), the host not counted.
    await expect
      .poll(() => showState(room), { timeout: 10_000 })
      .toMatchObject({
        status: 'live',
        viewers: 1,
      });
    const ben = await tab(await person());
    await joinShow(ben, room, 'Ben');
    await expect.poll(async () => (await showState(room)).viewers, { timeout: 10_000 }).toBe(2);
    // Viewers learn the count from the server (they cannot count each other any more): with the
    // history when they join, then as it changes.
    const joined = await ben.evaluate(
      async (room) => (await fetch(`/api/shows/${room}/chat`)).json(),
      room,
    );
    expect(joined).toMatchObject({ viewers: 2 });
    await joinShow(await tab(await person()), room, 'Cy');
    await expect
      .poll(async () => (await serverEvents(ben)).filter((e) => e.type === 'viewers').at(-1), {
        timeout: 10_000,
      })
      .toEqual({ type: 'viewers', count: 3 });
    expect(app.errors).toEqual([]);
  });

  test('a forged cookie gets a new identity, never the victim’s', async () => {
    const room = newRoom('forged');
    const victim = await person();
    const victimPage = await tab(victim);
    const { identity } = await joinShow(victimPage, room, 'Victim');
    const [cookie] = await victim.cookies(app.url);
    const attacker = await person();
    await attacker.addCookies([
      {
        name: 'show_person',
        value: `${personOf(identity)}.${cookie?.value.split('.')[1]}.forged`,
        url: app.url,
      },
    ]);
    const page = await tab(attacker);
    const stolen = await joinShow(page, room, 'Victim');
    expect(personOf(stolen.identity)).not.toBe(personOf(identity));
    expect(await victimPage.evaluate(() => window.harness.state())).toBe('connected');
  });

  test('a raw livekit-client with a viewer token cannot put anything on other pages', async () => {
    const room = newRoom('raw');
    const studio = await tab(await person('host'));
    await joinShow(studio, room, 'Host', true);
    const watcher = await tab(await person());
    await joinShow(watcher, room, 'Watcher');
    const attacker = await tab(await person());
    await joinShow(attacker, room, 'Attacker');
    const forged = JSON.stringify({
      v: 1,
      events: [
        {
          type: 'chat',
          id: 'forged-0001',
          seq: 1,
          text: 'FREE MONEY',
          sentAt: 1,
          from: { person: 'x', name: 'Host', role: 'host' },
        },
      ],
    });
    for (let i = 0; i < 20; i++) {
      for (const topic of ['show.events', 'show.chat', 'show.reaction']) {
        await attacker.evaluate(([text, topic]) => window.harness.publishData(text, topic), [
          forged,
          topic,
        ] as const);
      }
      await attacker.evaluate(([text]) => window.harness.publishData(text, 'show.chat', ['host']), [
        forged,
      ] as const);
    }
    // A server message sent after the flood arrives; nothing of the flood does.
    const moderator = await tab(await person('moderator'));
    await joinShow(moderator, room, 'Mo');
    expect(
      (await post(moderator, `/api/shows/${room}/chat`, { text: 'after the flood' })).status,
    ).toBe(201);
    for (const page of [watcher, studio]) {
      await expect
        .poll(async () => (await chatsOn(page)).map((m) => m.text), { timeout: 10_000 })
        .toEqual(['after the flood']);
      expect(
        await page.evaluate(() => window.harness.received().filter((p) => p.identity !== '')),
      ).toEqual([]);
    }
    expect(await attacker.evaluate(() => window.harness.permissions())).toMatchObject({
      canPublishData: false,
    });
  });

  test('a viewer sending 10 messages a second sees the refusals; others see the allowed five', async () => {
    const room = newRoom('flood');
    const others = await tab(await person());
    await joinShow(others, room, 'Other');
    const spammer = await tab(await person());
    await joinShow(spammer, room, 'Spammer');
    const statuses = await spammer.evaluate(async (room) => {
      const results: number[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await fetch(`/api/shows/${room}/chat`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `spam ${i}` }),
        });
        results.push(response.status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return results;
    }, room);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    await expect.poll(async () => (await chatsOn(others)).length, { timeout: 10_000 }).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await chatsOn(others)).map((m) => m.text)).toEqual([
      'spam 0',
      'spam 1',
      'spam 2',
      'spam 3',
      'spam 4',
    ]);
  });

  test('a late joiner gets the history, without what a moderator deleted', async () => {
    const room = newRoom('history');
    const early = await tab(await person());
    await joinShow(early, room, 'Early');
    const ids: string[] = [];
    for (const text of ['first', 'spam!', 'third']) {
      const { body } = await post(early, `/api/shows/${room}/chat`, { text });
      ids.push((body.message as { id: string }).id);
    }
    const moderator = await tab(await person('moderator'));
    await joinShow(moderator, room, 'Mo');
    expect((await post(moderator, `/api/shows/${room}/chat/delete`, { id: ids[1] })).status).toBe(
      200,
    );
    await expect
      .poll(async () => (await serverEvents(early)).some((e) => e.type === 'chat.delete'), {
        timeout: 10_000,
      })
      .toBe(true);

    const late = await tab(await person());
    await joinShow(late, room, 'Late');
    const history = await late.evaluate(
      async (room) => (await fetch(`/api/shows/${room}/chat`)).json(),
      room,
    );
    expect((history as { messages: Array<{ text: string }> }).messages.map((m) => m.text)).toEqual([
      'first',
      'third',
    ]);
  });

  test('a mute holds across a rejoin with an old token', async () => {
    const room = newRoom('mute');
    const ben = await person();
    const benPage = await tab(ben);
    const { token, identity } = await joinShow(benPage, room, 'Ben');
    const moderator = await tab(await person('moderator'));
    await joinShow(moderator, room, 'Mo');
    const muted = await post(moderator, `/api/shows/${room}/mutes`, {
      person: personOf(identity),
      muted: true,
    });
    expect(muted.status).toBe(200);
    // Ben leaves and comes back with the token he already had.
    await benPage.evaluate(() => window.harness.leave());
    const again = await tab(ben);
    expect(
      await again.evaluate(([url, token]) => window.harness.join(url, token), [
        app.wsUrl,
        token,
      ] as const),
    ).toMatchObject({ ok: true });
    const refused = await post(again, `/api/shows/${room}/chat`, { text: 'I am back' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'muted' } } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await chatsOn(moderator)).toEqual([]);
  });

  test("the host's audience figures cannot be inflated by one viewer", async () => {
    const room = newRoom('reports');
    const studio = await tab(await person('host'));
    await joinShow(studio, room, 'Host', true);
    const viewer = await tab(await person());
    const { identity } = await joinShow(viewer, room, 'Inflater');
    await expect.poll(async () => (await showState(room)).viewers, { timeout: 10_000 }).toBe(1);
    const report = {
      v: 1,
      t: Date.now(),
      p: 0.000001,
      bps: 800_000,
      loss: 0,
      rtt: 10,
      jit: 2,
      fps: 20,
      w: 640,
      h: 480,
      st: 'connected',
    };
    // 30 reports as fast as the page can send them: half for its own connection, half for
    // connections it made up (another person's, one of its own that LiveKit never saw).
    const forged = [`${'z'.repeat(22)}.abcdefghijk`, `${personOf(identity)}.madeUpConn1`];
    const { statuses, elapsedMs } = await viewer.evaluate(
      async ([room, identity, forged, report]) => {
        const started = performance.now();
        const statuses: Array<number | 'ignored'> = [];
        for (let i = 0; i < 30; i++) {
          const response = await fetch(`/api/shows/${room}/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              identity: i % 2 === 0 ? identity : forged[i % 4 === 1 ? 0 : 1],
              report,
            }),
          });
          const body = (await response.json()) as { accepted?: boolean };
          statuses.push(
            response.status === 202 && body.accepted === false ? 'ignored' : response.status,
          );
        }
        return { statuses, elapsedMs: performance.now() - started };
      },
      [room, identity, forged, report] as const,
    );
    // At most three per window of 2.4 intervals (2.4 s here; Redis rounds it up to 3 s) for the
    // one real connection: a late report and the next on time pass, a flood does not.
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThanOrEqual(3 * (Math.ceil(elapsedMs / 2400) + 1));
    expect(accepted).toBeLessThan(15);
    // Another person's connection is refused; a made-up one of its own is dropped, not counted.
    expect(statuses.filter((s) => s === 403)).toHaveLength(8);
    expect(statuses.filter((s) => s === 'ignored')).toHaveLength(7);
    await expect
      .poll(async () => (await serverEvents(studio)).filter((e) => e.type === 'fleet').length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    for (const event of await serverEvents(studio)) {
      if (event.type !== 'fleet') continue;
      expect((event.summary as { viewersReporting: number }).viewersReporting).toBeLessThanOrEqual(
        1,
      );
    }
    // The fleet goes to the host only.
    expect((await serverEvents(viewer)).filter((e) => e.type === 'fleet')).toEqual([]);
  });
});
