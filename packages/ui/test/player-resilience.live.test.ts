/// <reference types="@show/harness/vitest-context" />
// The player when things go wrong, on a livekit-server of this test's own: the SFU crashes mid-show,
// and the player is mounted and unmounted a hundred times.
import { fileURLToPath } from 'node:url';
import { openTestBrowser, serveBrowserBundle, startLiveKitServer } from '@show/harness';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { installLeakCounters, type LeakCounts } from './leak-counters';
import { call, openPage, tokens } from './live-show-driver';

let context: BrowserContext;
let site: Awaited<ReturnType<typeof openTestBrowser>>;

beforeAll(async () => {
  site = await openTestBrowser(() =>
    serveBrowserBundle({ entry: fileURLToPath(new URL('./live-show.tsx', import.meta.url)) }),
  );
  ({ context } = site);
  await context.addInitScript(installLeakCounters);
});
afterAll(() => site?.close());

const phase = (page: Page) => page.locator('.show-player').getAttribute('data-show-phase');

test('when the SFU crashes the player shows reconnecting, then an error with retry that works', async () => {
  let server = await startLiveKitServer({ name: 'ui-crash' });
  const port = server.ports.http;
  const mint = tokens(server);
  const room = `ui-crash-${Date.now()}`;
  try {
    const { page: host } = await openPage(context, site.url);
    await call(host, 'broadcaster', server.wsUrl, await mint(room, 'host', 'host'));
    await host.getByRole('button', { name: 'Go Live' }).click({ timeout: 15_000 });

    const { page: viewer, errors } = await openPage(context, site.url);
    // Reconnection given up after 6 s instead of LiveKit's default of about 45 s.
    await call(
      viewer,
      'player',
      server.wsUrl,
      await mint(room, 'viewer', 'viewer'),
      { attempts: 1 },
      6000,
    );
    await expect.poll(() => phase(viewer), { timeout: 15_000 }).toBe('live');

    await server.crash();
    await expect.poll(() => phase(viewer), { timeout: 15_000 }).toBe('reconnecting');
    expect(await viewer.getByText('Reconnecting…').isVisible()).toBe(true);
    await expect.poll(() => phase(viewer), { timeout: 30_000 }).toBe('error');
    const retry = viewer.getByRole('button', { name: 'Try again' });
    expect(await retry.isVisible()).toBe(true);

    // The server comes back on the same address; one click rejoins, without a reload.
    server = await startLiveKitServer({ name: 'ui-crash', port });
    await retry.click();
    await expect.poll(() => phase(viewer), { timeout: 15_000 }).toBe('waiting');
    expect(errors).toEqual([]);
    await host.close();
    await viewer.close();
  } finally {
    await server.stop();
  }
});

test('when the SFU restarts mid-show, host and viewer recover by themselves: live again, pins kept', async () => {
  let server = await startLiveKitServer({ name: 'ui-restart' });
  const port = server.ports.http;
  const mint = tokens(server);
  const room = `ui-restart-${Date.now()}`;
  try {
    const { page: host, errors: hostErrors } = await openPage(context, site.url);
    await call(host, 'broadcaster', server.wsUrl, await mint(room, 'host', 'host'));
    await host.getByRole('button', { name: 'Go Live' }).click({ timeout: 15_000 });
    await host
      .getByRole('article', { name: 'Merino scarf' })
      .getByRole('button', { name: 'Pin' })
      .click({ timeout: 15_000 });

    const { page: viewer, errors } = await openPage(context, site.url);
    await call(viewer, 'viewer', server.wsUrl, await mint(room, 'viewer', 'viewer'));
    const pinned = viewer.locator('.show-interface__pins [data-show-pinned]');
    await expect.poll(() => phase(viewer), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => pinned.count(), { timeout: 5000 }).toBe(1);

    // Killed, and back on the same address a moment later with an empty memory: no rooms, no
    // participants. Neither page is reloaded or clicked. The host's status and pins come back
    // because LiveKit sends a fresh token whenever a participant's attributes change, and the
    // client rejoins with it: the late viewer below proves the restarted server has them.
    await server.crash();
    await expect.poll(() => phase(viewer), { timeout: 15_000 }).toBe('reconnecting');
    server = await startLiveKitServer({ name: 'ui-restart', port });
    await expect.poll(() => phase(viewer), { timeout: 45_000 }).toBe('live');
    await expect.poll(() => pinned.count(), { timeout: 5000 }).toBe(1);
    const before = await call(viewer, 'framesDecoded');
    await expect
      .poll(() => call(viewer, 'framesDecoded'), { timeout: 10_000 })
      .toBeGreaterThan(before + 10);
    // Someone who joins now learns the show from the restarted server alone.
    const { page: late, errors: lateErrors } = await openPage(context, site.url);
    await call(late, 'viewer', server.wsUrl, await mint(room, 'late', 'viewer'));
    await expect.poll(() => phase(late), { timeout: 15_000 }).toBe('live');
    expect(await late.locator('.show-interface__pins [data-show-pinned]').count()).toBe(1);
    errors.push(...lateErrors);
    await late.close();
    const panel = host.locator('.show-control-panel');
    expect(await panel.getAttribute('data-show-phase')).toBe('live');
    expect([...hostErrors, ...errors]).toEqual([]);
    await host.close();
    await viewer.close();
  } finally {
    await server.stop();
  }
});

test('token failures are retried with backoff, then shown with a retry that works', async () => {
  const livekit = inject('livekit');
  const mint = tokens(livekit);
  const room = `ui-token-${Date.now()}`;
  const { page, errors } = await openPage(context, site.url);
  const token = await mint(room, 'viewer', 'viewer');

  // Fails three times, answers on the fourth (and last) attempt: the viewer never sees an error.
  await call(page, 'flakyTokenPlayer', livekit.wsUrl, token, 3);
  await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('waiting');
  expect(await call(page, 'tokenRequests')).toBe(4);

  // Fails five times: after four attempts the fallback shows, and "Try again" starts over.
  await call(page, 'flakyTokenPlayer', livekit.wsUrl, token, 5);
  await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('error');
  expect(await call(page, 'tokenRequests')).toBe(4);
  expect(await page.locator('.show-player').getAttribute('data-show-error')).toBe('token');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('waiting');
  expect(await call(page, 'tokenRequests')).toBe(6);
  expect(errors).toEqual([]);
  await page.close();
});

test('mounting and unmounting the player 100 times leaves nothing behind', async () => {
  const livekit = inject('livekit');
  const mint = tokens(livekit);
  const room = `ui-mounts-${Date.now()}`;
  const { page, errors } = await openPage(context, site.url);
  const counts = () =>
    page.evaluate(() => (window as unknown as { leakCounts: () => LeakCounts }).leakCounts());
  const cycle = async (i: number) => {
    await call(page, 'player', livekit.wsUrl, await mint(room, `viewer-${i}`, 'viewer'));
    // Joined: the room was reached and a peer connection made, not just a component rendered.
    await page.waitForFunction(
      () => document.querySelector('.show-player')?.getAttribute('data-show-phase') === 'waiting',
      undefined,
      { timeout: 15_000 },
    );
    await call(page, 'unmount');
  };
  // Settled: pending timeouts of the last disconnect have fired, and garbage was collected. A
  // livekit-client Room keeps a devicechange listener until the Room itself is collected (its
  // FinalizationRegistry removes it), so after a collection a retained Room shows up here.
  const cdp = await context.newCDPSession(page);
  const settled = async () => {
    await page.waitForTimeout(2000);
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(1000);
    return counts();
  };

  await cycle(0); // warm-up: module-level listeners are installed once

  // The peer, side by side: what livekit-client's Room alone leaves behind. Each Room adds a
  // devicechange listener that is removed only when the Room is garbage-collected, and in this
  // Chromium even 50 dropped, never-connected Rooms keep theirs after a forced collection.
  const bare = await settled();
  await call(page, 'bareRooms', 50);
  const afterBare = await settled();
  const perRoom = (afterBare.globalListeners - bare.globalListeners) / 50;

  const before = await settled();
  const started = Date.now();
  for (let i = 1; i <= 100; i++) await cycle(i);
  const after = await settled();
  console.log(
    `100 mount/join/unmount cycles in ${((Date.now() - started) / 1000).toFixed(1)} s;`,
    `a bare livekit-client Room leaves ${perRoom} global listener(s);`,
    JSON.stringify({ before, after }),
  );
  // Every cycle really joined: one peer connection each, all closed now.
  expect(after.peerConnections - before.peerConnections).toBe(100);
  expect(after.openPeerConnections).toBe(0);
  expect(after.intervals).toBeLessThanOrEqual(before.intervals);
  expect(after.timeouts).toBeLessThanOrEqual(before.timeouts);
  // Nothing beyond what livekit-client's own Room leaves (one Room per cycle).
  expect(after.globalListeners - before.globalListeners).toBeLessThanOrEqual(100 * perRoom);
  expect(Object.keys(after.listenerTypes)).toEqual(Object.keys(before.listenerTypes));
  expect(errors).toEqual([]);
}, 180_000);
