// The built demo on a livekit-server of its own, with the host live through the real studio page:
// what the crowd rig and the first-frame benchmark both start from.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { startBuiltDemo } from './demo-app.mjs';
import { startLiveKitServer } from './livekit-server.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { freeTcpPort } from './ports.mjs';
import { stopTied } from './tied-process.mjs';
import { waitFor } from './wait-for.mjs';

/** The show every demo page is about. */
export const SHOW_ROOM = 'spring-drop';

/** @param {string} url */
const answers = (url) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    async (r) => {
      await r.body?.cancel();
      return r.ok;
    },
    () => false,
  );

/**
 * @typedef {object} DemoShowOptions
 * @property {string} name for the logs' file names
 * @property {number} maxParticipants the show room's ceiling (SHOW_MAX_PARTICIPANTS)
 * @property {(page: import('playwright-core').Page) => Promise<unknown>} [beforeStudio] runs on the
 *   host's page before it opens the studio (to add init scripts, say)
 * @property {(line: string) => void} log
 */

/**
 * Starts livekit-server (keys of its own, rooms only by the app), the built demo on `next start`
 * (`turbo run build --filter=@show/demo` first) and Chromium; the host signs in and goes live.
 * @param {DemoShowOptions} options
 */
export async function startDemoShow({ name, maxParticipants, beforeStudio, log }) {
  const demoPort = await freeTcpPort();
  const demoUrl = `http://127.0.0.1:${demoPort}`;
  const passcode = randomBytes(12).toString('base64url');
  // The demo's /api/metrics answers with this bearer token (what the app did, for the reports).
  const metricsToken = randomBytes(18).toString('base64url');
  const livekit = await startLiveKitServer({
    name,
    apiKey: `API${randomBytes(6).toString('hex')}`,
    apiSecret: randomBytes(32).toString('base64url'),
    webhookUrls: [`${demoUrl}/api/livekit/webhook`],
    autoCreateRooms: false,
  });
  const demoLog = join(ensureDir(runDir), `${name}-demo-${process.pid}-${demoPort}.log`);
  const demo = startBuiltDemo({
    port: demoPort,
    logFile: demoLog,
    env: {
      NEXT_PUBLIC_LIVEKIT_URL: livekit.wsUrl,
      LIVEKIT_URL: livekit.wsUrl,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      SHOW_HOST_PASSCODE: passcode,
      SHOW_SESSION_SECRET: randomBytes(32).toString('base64url'),
      SHOW_MAX_PARTICIPANTS: String(maxParticipants),
      SHOW_METRICS_TOKEN: metricsToken,
      DATABASE_URL: `sqlite:${join(tmpdir(), `show-${name}-${randomBytes(6).toString('hex')}.sqlite`)}`,
    },
  });
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await stopTied(demo);
    await livekit.stop();
  };
  try {
    await waitFor(
      'the demo (next start)',
      () => answers(`${demoUrl}/moderate`),
      demo,
      demoLog,
      60_000,
    );
    log(`${name}: demo on ${demoUrl}, livekit-server on ${livekit.wsUrl}`);
    const hostContext = await browser.newContext({ baseURL: demoUrl });
    const host = await hostContext.newPage();
    await beforeStudio?.(host);
    await host.goto('/studio');
    await host.getByLabel('Passcode').fill(passcode);
    await host.getByRole('button', { name: 'Sign in' }).click();
    await host.getByRole('button', { name: 'Go Live' }).click({ timeout: 30_000 });
    await host.locator('.show-control-panel[data-show-phase="live"]').waitFor({ timeout: 30_000 });
    log(`${name}: the host is live`);
    /** The demo's Prometheus metrics, as text. */
    const demoMetrics = () =>
      fetch(`${demoUrl}/api/metrics`, {
        headers: { Authorization: `Bearer ${metricsToken}` },
      }).then((response) => {
        if (!response.ok) throw new Error(`the demo's /api/metrics answered ${response.status}`);
        return response.text();
      });
    return { livekit, demo, demoUrl, browser, host, demoMetrics, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A new browser profile (cookies of its own) with a bundled page (`bundlePage`) served on the
 * demo's origin at `/<prefix>/`, so its requests carry the demo's cookies and reach its endpoints;
 * resolves once the page has defined `window[global]`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} demoUrl
 * @param {{ script: string, page: string }} bundle
 * @param {string} prefix
 * @param {string} global
 */
export async function openPageOnDemo(browser, demoUrl, bundle, prefix, global) {
  const context = await browser.newContext({ baseURL: demoUrl });
  // Chromium treats a page Playwright answers as public: let it reach the loopback SFU.
  await context.grantPermissions(['local-network-access'], { origin: demoUrl });
  await context.route(`${demoUrl}/${prefix}/**`, (route) =>
    new URL(route.request().url()).pathname.endsWith('/bundle.js')
      ? route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: bundle.script })
      : route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: bundle.page.replace('/bundle.js', `/${prefix}/bundle.js`),
        }),
  );
  const page = await context.newPage();
  await page.goto(`/${prefix}/`);
  await page.waitForFunction((name) => name in window, global);
  return page;
}
