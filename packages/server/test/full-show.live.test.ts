/// <reference types="@show/harness/vitest-context" />
// A full show against the real livekit-server: the server refuses new viewers at its audience
// ceiling (room_full) while the seats above it stay for those already in and for staff, and
// LiveKit's own ceiling (the room's maxParticipants) refuses whoever gets past the app.
import { launchChromium } from '@show/harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { liveSessions, startLiveApp, type LiveApp } from './live-app';

let app: LiveApp;
let browser: Browser;
const ROOM = `full-${Date.now().toString(36)}`;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startLiveApp('embedded', inject('storage'), { maxParticipants: 3, maxViewers: 1 }),
    launchChromium(),
  ]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function tab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForFunction(() => 'harness' in window);
  return page;
}

/** Asks the app for a token with this page's cookies; joins when it gets one. */
async function tryJoin(page: Page, name: string, admin = false) {
  const answer = await page.evaluate(
    async ([room, name, admin]) => {
      const query = new URLSearchParams({ room, username: name, ...(admin && { admin: 'true' }) });
      const response = await fetch(`/api/livekit/token?${query}`);
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as { token?: string; error?: { code: string } },
      };
    },
    [ROOM, name, admin] as const,
  );
  if (!answer.body.token) return answer;
  const joined = await page.evaluate(([url, token]) => window.harness.join(url, token), [
    app.wsUrl,
    answer.body.token,
  ] as const);
  return { ...answer, joined };
}

const viewers = async () =>
  ((await (await fetch(`${app.url}/api/shows/${ROOM}`)).json()) as { viewers: number }).viewers;

test('new viewers are refused at the ceiling, those in keep their seat, LiveKit holds the room’s', async () => {
  const host = await browser.newContext();
  const sessions = await liveSessions();
  const [name, value] = ((await sessions.staffCookie('host')).split(';')[0] ?? '').split('=');
  await host.addCookies([{ name: name ?? '', value: value ?? '', url: app.url }]);
  expect(await tryJoin(await tab(host), 'Maya', true)).toMatchObject({ joined: { ok: true } });

  const ana = await browser.newContext();
  expect(await tryJoin(await tab(ana), 'Ana')).toMatchObject({ joined: { ok: true } });
  await expect.poll(viewers, { timeout: 10_000 }).toBe(1);

  // The audience is full: Ben is refused by the app, in words a page can act on.
  const ben = await tab(await browser.newContext());
  expect(await tryJoin(ben, 'Ben')).toEqual({
    status: 503,
    retryAfter: '30',
    body: { error: { code: 'room_full', message: 'The show is full.' } },
  });
  // Ana's second tab is Ana: it gets a seat (the third of LiveKit's three).
  const anaAgain = await tab(ana);
  expect(await tryJoin(anaAgain, 'Ana')).toMatchObject({ joined: { ok: true } });

  // Past the app (a token minted elsewhere), LiveKit's ceiling refuses the fourth participant. The
  // page cannot tell why (livekit-client reports a failed websocket, nothing about a ceiling), so
  // the app's own refusal above is what lets a page say "full" and offer the stream.
  const token = await app.minter.mint({ identity: 'gatecrasher', room: ROOM, role: 'viewer' });
  const refused = await ben.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
    app.wsUrl,
    token,
  ] as const);
  console.log(`LiveKit's refusal at its ceiling: ${JSON.stringify(refused)}`);
  expect(refused).toMatchObject({ ok: false });
  // The ceiling was the reason: once Ana's second tab leaves, the same token joins.
  await anaAgain.evaluate(() => window.harness.leave());
  await expect
    .poll(
      async () => {
        const again = await ben.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
          app.wsUrl,
          token,
        ] as const);
        return again.ok;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
});
