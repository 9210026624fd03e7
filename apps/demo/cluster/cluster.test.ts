// The production topology on one machine (the harness's cluster: Redis, PostgreSQL, three LiveKit
// nodes, two instances of the built demo, Caddy with TLS in front): a show goes live and is
// watched through HTTPS and WSS, every part doing its share.
import { launchChromium, startCluster } from '@show/harness';
import { afterAll, beforeAll, expect, test } from 'vitest';

let cluster: Awaited<ReturnType<typeof startCluster>>;
type Browser = Awaited<ReturnType<typeof launchChromium>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;
let browser: Browser;

beforeAll(async () => {
  cluster = await startCluster();
  browser = await launchChromium({ args: cluster.chromiumArgs });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cluster?.stop();
});

const metric = async (url: string, name: RegExp, bearer?: string) => {
  const response = await fetch(url, {
    headers: bearer ? { Authorization: `Bearer ${bearer}` } : {},
  });
  const text = await response.text();
  return [...text.matchAll(name)].reduce((sum, m) => sum + Number(m[1]), 0);
};

async function page(): Promise<Page> {
  const context = await browser.newContext({ baseURL: cluster.appUrl });
  const opened = await context.newPage();
  opened.on('pageerror', (error) => console.error('page error:', error.message));
  return opened;
}

test('a show through the cluster: HTTPS and WSS through Caddy, both app instances serving, one node hosting the room', async () => {
  const host = await page();
  await host.goto('/studio');
  await host.getByLabel('Passcode').fill(cluster.secrets.hostPasscode);
  await host.getByRole('button', { name: 'Sign in' }).click();
  const goLive = host.getByRole('button', { name: 'Go Live' });
  await expect.poll(() => goLive.isEnabled(), { timeout: 30_000 }).toBe(true);
  await goLive.click();
  await host.waitForSelector('.show-control-panel[data-show-phase="live"]', { timeout: 30_000 });

  const viewers: Page[] = [];
  for (const name of ['Ana', 'Ben']) {
    const viewer = await page();
    await viewer.goto('/show/spring-drop');
    await viewer.getByLabel('Your name in the chat').fill(name);
    await viewer.getByRole('button', { name: 'Join the show' }).click();
    await viewer.waitForSelector('.show-player[data-show-phase="live"]', { timeout: 30_000 });
    await viewer.waitForFunction(
      () => [...document.querySelectorAll('video')].some((v) => v.videoWidth > 0 && !v.paused),
      undefined,
      { timeout: 30_000 },
    );
    viewers.push(viewer);
  }
  expect(new URL(viewers[0]!.url()).protocol).toBe('https:');

  // Chat through whichever instance each request reaches, to everyone, in one order.
  for (const [index, viewer] of viewers.entries()) {
    const input = viewer.getByPlaceholder('Say something nice…');
    await input.fill(`hello from viewer ${index + 1}`);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe('');
  }
  for (const watcher of [host, ...viewers]) {
    await watcher.getByText('hello from viewer 2').waitFor({ timeout: 15_000 });
    const order = await watcher
      .locator('.show-chat__text')
      .allTextContents()
      .then((texts) => texts.filter((t) => t.startsWith('hello from viewer')));
    expect(order).toEqual(['hello from viewer 1', 'hello from viewer 2']);
  }

  // The server's count of viewers (from webhooks, through the proxy) is the truth.
  await expect
    .poll(
      () =>
        viewers[0]!.evaluate(async () => {
          const response = await fetch('/api/shows/spring-drop', { cache: 'no-store' });
          return ((await response.json()) as { viewers: number }).viewers;
        }),
      { timeout: 20_000 },
    )
    .toBe(2);

  // Both app instances answered requests; exactly one node hosts the room.
  const served = await Promise.all(
    cluster.apps.map((app) =>
      metric(
        `${app.url}/api/metrics`,
        /^show_http_requests_total\{[^}]*\} (\d+)$/gm,
        cluster.secrets.metricsToken,
      ),
    ),
  );
  const rooms = await Promise.all(
    cluster.nodes.map((node) =>
      metric(node.prometheusUrl, /^livekit_room_total(?:\{[^}]*\})? (\d+)$/gm),
    ),
  );
  console.log(
    `cluster: requests per app instance ${served.join(', ')}; rooms per LiveKit node ${rooms.join(', ')}`,
  );
  expect(served.every((count) => count > 0)).toBe(true);
  expect(rooms.filter((count) => count === 1)).toHaveLength(1);
  expect(rooms.reduce((a, b) => a + b, 0)).toBe(1);
}, 240_000);
