// Drives test/live-page.ts from a live test: join a room on a server, publish, read samples.
import { AccessToken } from 'livekit-server-sdk';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MetricsPage } from './live-page';

type Api = { metricsPage: MetricsPage };
export type PageSamples = ReturnType<MetricsPage['samples']>;

export interface LiveServer {
  wsUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** Opens the page, joins `room` as `identity` (publishing camera and microphone if asked). */
export async function joinRoom(
  context: BrowserContext,
  pageUrl: string,
  server: LiveServer,
  { room, identity, publish }: { room: string; identity: string; publish: boolean },
): Promise<Page> {
  const at = new AccessToken(server.apiKey, server.apiSecret, { identity, ttl: 600 });
  at.addGrant({ roomJoin: true, room, canPublish: publish, canSubscribe: true });
  const page = await context.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'metricsPage' in window);
  await page.evaluate(([url, token]) => (window as unknown as Api).metricsPage.join(url, token), [
    server.wsUrl,
    await at.toJwt(),
  ] as const);
  if (publish) await page.evaluate(() => (window as unknown as Api).metricsPage.publish());
  return page;
}

export function samplesOf(page: Page): Promise<PageSamples> {
  return page.evaluate(() => (window as unknown as Api).metricsPage.samples());
}

/** A host publishing and two viewers who decode its picture: the room every live test starts from. */
export async function hostAndTwoViewers(
  join: (identity: string, publish: boolean) => Promise<Page>,
) {
  const host = await join('host', true);
  const viewers = [await join('viewer-1', false), await join('viewer-2', false)];
  for (const viewer of viewers) {
    await expect
      .poll(async () => (await samplesOf(viewer)).at(-1)?.fps ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(10);
  }
  return { host, viewers };
}
