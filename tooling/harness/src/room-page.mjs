import { fileURLToPath } from 'node:url';
import { serveBrowserBundle } from './browser-bundle.mjs';

/**
 * Serves the harness room page (livekit-client, bundled): tests open it in Chromium and drive
 * `window.harness` (join, publish, receive stats, leave) with `page.evaluate`.
 */
export function serveRoomPage() {
  return serveBrowserBundle({ entry: roomPageEntry, title: 'Show harness room' });
}

/** The room page's source, for tests that bundle and serve it themselves. */
export const roomPageEntry = fileURLToPath(new URL('../fixtures/room-page.ts', import.meta.url));

/**
 * Opens a room page in a new tab of `browser`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the page served by serveRoomPage
 */
export async function openRoomPage(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'harness' in window);
  return page;
}
