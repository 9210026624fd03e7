import { AccessToken } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchChromium, openRoomPage, scrape, serveRoomPage, sumMetric } from '../src/index.mjs';

// The harness proof: two real Chromium pages meet in one room on the real livekit-server.
const livekit = inject('livekit');
const room = `harness-${Date.now()}`;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveRoomPage>>;

beforeAll(async () => {
  site = await serveRoomPage();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function token(identity: string, canPublish: boolean) {
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: 600 });
  at.addGrant({ roomJoin: true, room, canPublish, canSubscribe: true });
  return at.toJwt();
}

async function joinAs(identity: string, canPublish: boolean): Promise<Page> {
  const page = await openRoomPage(browser, site.url);
  const joined = await page.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
    livekit.wsUrl,
    await token(identity, canPublish),
  ] as const);
  expect(joined).toEqual({ ok: true, identity, room, state: 'connected' });
  return page;
}

async function packetBytes() {
  const text = await scrape(livekit.prometheusUrl);
  return {
    incoming: sumMetric(text, 'livekit_packet_bytes', { direction: 'incoming' }),
    outgoing: sumMetric(text, 'livekit_packet_bytes', { direction: 'outgoing' }),
  };
}

test('a published fake camera is decoded by a second page through the SFU', async () => {
  const host = await joinAs('host', true);
  const viewer = await joinAs('viewer', false);
  const before = await packetBytes();

  const sources = await host.evaluate(() => window.harness.publishCameraAndMicrophone());
  expect(sources.sort()).toEqual(['camera', 'microphone']);

  await expect
    .poll(() => viewer.evaluate(() => window.harness.videoReceiveStats()), { timeout: 20_000 })
    .toMatchObject({ tracks: 1, framesDecoded: expect.any(Number) });
  const first = await viewer.evaluate(() => window.harness.videoReceiveStats());
  await expect
    .poll(
      async () => (await viewer.evaluate(() => window.harness.videoReceiveStats())).framesDecoded,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(first.framesDecoded + 10);

  // The SFU saw the media arrive and forwarded it: its own counters grew both ways.
  await expect
    .poll(
      async () => {
        const now = await packetBytes();
        return {
          incoming: now.incoming - before.incoming > 50_000,
          outgoing: now.outgoing - before.outgoing > 50_000,
        };
      },
      { timeout: 20_000 },
    )
    .toEqual({ incoming: true, outgoing: true });

  await viewer.evaluate(() => window.harness.leave());
  await host.evaluate(() => window.harness.leave());
});
