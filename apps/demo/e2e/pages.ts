// What the demo's end-to-end tests do again and again: collect page errors, sign the host in and
// go live, join as a viewer or a moderator, count decoded frames.
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

export const SHOW_PATH = '/show/spring-drop';

/** Errors of every page watched, each prefixed with who saw it. */
export function errorLog() {
  const errors: string[] = [];
  return {
    errors,
    watch(page: Page, who: string) {
      page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${who}: ${message.text()}`);
      });
      return page;
    },
  };
}

export const framesDecoded = (page: Page) =>
  page.evaluate(
    () => document.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
  );

/** Signs in at `path` (the studio or moderation) with `passcode`. */
export async function signIn(page: Page, path: string, passcode: string) {
  await page.goto(path);
  await page.getByLabel('Passcode').fill(passcode);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A page in a browser profile of its own (its own cookies), its errors logged as `who`. */
export async function newPage(
  browser: Browser,
  log: ReturnType<typeof errorLog>,
  who: string,
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext(options);
  return log.watch(await context.newPage(), who);
}

/** The host, signed in in `host`, previews the camera and goes live. */
export async function goLive(host: Page) {
  await signIn(host, '/studio', process.env.SHOW_HOST_PASSCODE ?? '');
  await expect(host.getByRole('button', { name: 'Go Live' })).toBeEnabled({ timeout: 20_000 });
  await host.getByRole('button', { name: 'Go Live' }).click();
  await expect(host.locator('.show-control-panel')).toHaveAttribute('data-show-phase', 'live');
}

/** Joins the show page by name in `page`. */
export async function joinShow(page: Page, name: string) {
  await page.goto(SHOW_PATH);
  await page.getByLabel('Your name in the chat').fill(name);
  await page.getByRole('button', { name: 'Join the show' }).click();
}

/** Waits until the page's player is in `phase` (live, reconnecting, ended…). */
export const expectPhase = (page: Page, phase: string, timeout = 20_000) =>
  expect(page.locator('.show-player')).toHaveAttribute('data-show-phase', phase, { timeout });

/** Sends a chat message from the page and waits until the box is empty again (sent). */
export async function say(page: Page, text: string) {
  const input = page.getByPlaceholder('Say something nice…');
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

/** A path in the repository's docs/screenshots, which the README shows. */
export const shot = (name: string) =>
  fileURLToPath(new URL(`../../../docs/screenshots/${name}.png`, import.meta.url));
