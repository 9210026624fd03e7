// The show as a group of people: a pin reaches every viewer within a second and a late viewer at
// once, chat goes both ways, a moderator deletes and mutes, and when the SFU is killed and comes
// back, everyone recovers without a reload.
import { expect, test, type Page } from '@playwright/test';
import {
  errorLog,
  expectPhase,
  framesDecoded,
  goLive,
  joinShow,
  newPage,
  say,
  SHOW_PATH,
  shot,
  signIn,
} from './pages';

const control = process.env.SHOW_LIVEKIT_CONTROL_URL ?? '';
const pins = (page: Page) => page.locator('.show-interface__pins [data-show-pinned]');
const message = (page: Page, text: string) =>
  page.locator('.show-chat__message', { hasText: text });

/**
 * What livekit-client logs while the server is down, and when the new one sends it to a full
 * reconnect: connection errors only (its own ConnectionError, or Chromium's failed socket/fetch).
 * The new server does not know the room until the app's server creates it again (LiveKit runs
 * with auto_create off), so livekit-client's own rejoin is refused and its check of why (LiveKit's
 * /rtc/validate) answers 404, before the page joins afresh with a new token.
 */
const OUTAGE_NOISE =
  /ConnectionError|WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|Received leave request while trying to \(re\)connect|the server responded with a status of 404/;

type Clock = Window & { shownAt?: Promise<number> };

/** Starts watching in the page for the first pinned product; `shownAt` reads when it appeared. */
const watchPins = (page: Page) =>
  page.evaluate(() => {
    (window as Clock).shownAt = new Promise<number>((resolve) => {
      const seen = () => document.querySelector('.show-interface__pins [data-show-pinned]');
      if (seen()) return resolve(Date.now());
      new MutationObserver((_records, observer) => {
        if (!seen()) return;
        observer.disconnect();
        resolve(Date.now());
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
const shownAt = (page: Page) =>
  page.evaluate(() => (window as Clock).shownAt ?? Promise.resolve(NaN));

test('pins, chat and moderation reach everyone; an SFU restart heals without a reload', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  expect(control, 'run through `pnpm e2e` (show-harness with-livekit)').not.toBe('');
  const log = errorLog();
  const host = await newPage(browser, log, 'host', { viewport: { width: 1440, height: 960 } });
  await goLive(host);
  const viewers: Record<'Ana' | 'Ben', Page> = {
    Ana: await newPage(browser, log, 'Ana'),
    Ben: await newPage(browser, log, 'Ben'),
  };
  for (const [name, page] of Object.entries(viewers)) await joinShow(page, name);
  for (const page of Object.values(viewers)) await expectPhase(page, 'live');

  // A pin, timed from the host's click to each viewer's screen (one machine, one clock).
  for (const page of Object.values(viewers)) await watchPins(page);
  const clicked = host.evaluate(
    () =>
      new Promise<number>((resolve) =>
        document.addEventListener('click', () => resolve(Date.now()), {
          capture: true,
          once: true,
        }),
      ),
  );
  await host
    .getByRole('article', { name: 'Waxed canvas tote' })
    .getByRole('button', { name: 'Pin' })
    .click();
  const clickedAt = await clicked;
  const ms = await Promise.all(
    Object.values(viewers).map(async (page) => (await shownAt(page)) - clickedAt),
  );
  console.log(`pin reached the two viewers ${ms.join(' and ')} ms after the host's click`);
  for (const delay of ms) expect(delay).toBeLessThan(1000);

  // Someone joining later sees the pin with the first picture, not after some delay.
  const cleo = await newPage(browser, log, 'Cleo', { viewport: { width: 390, height: 844 } });
  await joinShow(cleo, 'Cleo');
  await expectPhase(cleo, 'live');
  expect(await pins(cleo).count()).toBe(1);
  expect(await pins(cleo).first().getAttribute('aria-label')).toBe('Waxed canvas tote');

  // Chat both ways.
  await say(viewers.Ana, 'Does the tote come in green?');
  for (const page of [host, viewers.Ben, cleo]) {
    await expect(message(page, 'Does the tote come in green?')).toBeVisible({ timeout: 5000 });
  }
  await say(host, 'It does, Ana: olive green, pinned below!');
  for (const page of [viewers.Ana, viewers.Ben, cleo]) {
    const reply = message(page, 'olive green, pinned below');
    await expect(reply).toBeVisible({ timeout: 5000 });
    await expect(reply.locator('.show-badge--host')).toHaveText('Host');
  }

  // A moderator signs in, lands on the show with tools, and deletes Ben's spam for everyone.
  const mod = await newPage(browser, log, 'Mo');
  await signIn(mod, '/moderate', process.env.SHOW_MODERATOR_PASSCODE ?? '');
  await expect(mod).toHaveURL(new RegExp(`${SHOW_PATH}$`));
  await expect(mod.getByText('You are moderating')).toBeVisible();
  await joinShow(mod, 'Mo');
  await expectPhase(mod, 'live');
  await say(mod, 'Hi all, I am keeping the chat friendly today.');
  for (const page of [host, viewers.Ana, viewers.Ben, cleo]) {
    const hello = message(page, 'keeping the chat friendly');
    await expect(hello.locator('.show-badge--moderator')).toHaveText('Mod', { timeout: 5000 });
  }
  await say(viewers.Ben, 'Cheap followers at spam.example');
  const audience = [viewers.Ana, viewers.Ben, cleo, mod];
  const everyone = [host, ...audience];
  for (const page of everyone) {
    await expect(message(page, 'spam.example')).toBeVisible({ timeout: 5000 });
  }
  // Scoped to the message: the history also holds what other Bens said in earlier shows' tests.
  await message(mod, 'spam.example')
    .getByRole('button', { name: 'Delete message from Ben' })
    .click();
  for (const page of everyone) await expect(message(page, 'spam.example')).toHaveCount(0);

  // …and mutes Ben: the app's server refuses his messages from now on, in every tab.
  await say(viewers.Ben, 'You cannot stop me');
  await message(mod, 'You cannot stop me')
    .getByRole('button', { name: 'Mute Ben in chat' })
    .click();
  await expect(mod.getByText('Ben can no longer chat.')).toBeVisible();
  const benInput = viewers.Ben.getByPlaceholder('Say something nice…');
  await expect(benInput).toBeDisabled({ timeout: 5000 });
  await expect(viewers.Ben.getByText('The host has muted your chat.')).toBeVisible();
  // The moderator sees it too: the server tells the room whose chat it closed.
  const letBenBack = message(mod, 'You cannot stop me').getByRole('button', {
    name: 'Let Ben chat again',
  });
  await expect(letBenBack).toBeVisible({ timeout: 5000 });
  await mod.setViewportSize({ width: 1280, height: 800 });
  await mod.screenshot({ path: shot('viewer-moderator') });
  // The server counts Ana, Ben and Cleo: the host and the moderator are not audience.
  const viewerCount = host.locator('.show-control-panel [data-show-viewers]');
  await expect(viewerCount).toHaveAttribute('data-show-viewers', '3', { timeout: 10_000 });

  // The SFU is killed (no goodbye to anyone) and comes back on the same address, empty.
  for (const page of everyone) {
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  }
  const crashedAt = log.errors.length;
  expect((await fetch(`${control}/crash`, { method: 'POST' })).status).toBe(204);
  for (const page of audience) await expectPhase(page, 'reconnecting', 15_000);
  expect((await fetch(`${control}/start`, { method: 'POST' })).status).toBe(204);

  // Everyone is back by themselves: picture moving, the pin still there, Ben still muted, chat
  // flowing, the server's count right again, and not one page reloaded.
  for (const page of audience) {
    await expectPhase(page, 'live', 45_000);
    // A new subscription may get a new video element, whose count starts again from 0.
    const now = await framesDecoded(page);
    await expect.poll(() => framesDecoded(page), { timeout: 15_000 }).toBeGreaterThan(now + 10);
    await expect(pins(page)).toHaveCount(1);
  }
  await expect(host.locator('.show-control-panel')).toHaveAttribute('data-show-phase', 'live');
  const recoveredAt = log.errors.length;
  await expect(benInput).toBeDisabled();
  await say(viewers.Ana, 'Back again!');
  await expect(message(host, 'Back again!')).toBeVisible({ timeout: 5000 });
  // The mute survived the restart on the moderator's side too, and can be undone.
  await expect(letBenBack).toBeVisible({ timeout: 5000 });
  await letBenBack.click();
  await expect(benInput).toBeEnabled({ timeout: 5000 });
  await say(viewers.Ben, 'Sorry, I will behave.');
  await expect(message(host, 'I will behave')).toBeVisible({ timeout: 5000 });
  await expect(viewerCount).toHaveAttribute('data-show-viewers', '3', { timeout: 15_000 });
  for (const page of everyone) {
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  }

  await host.getByRole('button', { name: 'End show' }).click();
  await host.getByRole('button', { name: 'Yes, end the show' }).click();
  for (const page of audience) await expectPhase(page, 'ended', 10_000);
  // No error before the crash or after the recovery; in between, only livekit-client saying that
  // the server is gone, and then that the new one sent it to a full reconnect.
  const outage = log.errors.splice(crashedAt, recoveredAt - crashedAt);
  expect(log.errors).toEqual([]);
  for (const error of outage) expect(error).toMatch(OUTAGE_NOISE);
  for (const page of everyone) await page.context().close();
});
