// The seed's testing points 2 to 5 on the built app and a real livekit-server: the host signs in,
// previews the camera and goes live; two viewers see the picture and hear the sound; the host's
// figures and the server's count; a viewer leaves and the host ends the show.
import { expect, test, type Page } from '@playwright/test';
import { errorLog, expectPhase, framesDecoded, joinShow, say, shot } from './pages';

const passcode = process.env.SHOW_HOST_PASSCODE ?? '';

/** True once an audio element of the page is playing and its clock moves. */
const audioPlays = (page: Page) =>
  page.evaluate(async () => {
    const audio = [...document.querySelectorAll('audio')];
    if (audio.length === 0) return false;
    const before = audio.map((a) => a.currentTime);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return audio.some((a, i) => !a.paused && a.currentTime > (before[i] ?? 0));
  });

test('the host goes live and two viewers see and hear the show', async ({ browser }) => {
  test.setTimeout(120_000);
  const { errors, watch } = errorLog();

  // 2. The host signs in (a wrong passcode first), previews the camera and goes live.
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  watch(host, 'host');
  await host.goto('/studio');
  await host.getByLabel('Passcode').fill('not the passcode');
  await host.getByRole('button', { name: 'Sign in' }).click();
  await expect(host.locator('.sign-in__error')).toHaveText(/not right/);
  await host.getByLabel('Passcode').fill(passcode);
  await host.getByRole('button', { name: 'Sign in' }).click();
  await expect(host.locator('.show-broadcaster')).toHaveAttribute('data-show-preview', 'ready', {
    timeout: 20_000,
  });
  await expect(host.getByLabel('Your camera preview')).toBeVisible();
  await expect(host.getByRole('button', { name: 'Go Live' })).toBeEnabled({ timeout: 20_000 });
  await host.getByRole('button', { name: 'Go Live' }).click();
  await expect(host.locator('.show-control-panel')).toHaveAttribute('data-show-phase', 'live');

  // 3. Two viewers, each their own browser profile, join and see the picture move.
  const viewers: Page[] = [];
  // Ana on a desktop window, Ben on a phone held upright.
  const sizes = { Ana: { width: 1280, height: 800 }, Ben: { width: 390, height: 844 } };
  for (const name of ['Ana', 'Ben'] as const) {
    const context = await browser.newContext({
      viewport: sizes[name],
      ...(name === 'Ben' && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    });
    const page = await context.newPage();
    watch(page, name);
    await joinShow(page, name);
    viewers.push(page);
  }
  for (const page of viewers) {
    await expectPhase(page, 'live');
    await expect.poll(() => framesDecoded(page), { timeout: 20_000 }).toBeGreaterThan(10);
    const before = await framesDecoded(page);
    await page.waitForTimeout(1000);
    expect(await framesDecoded(page)).toBeGreaterThan(before + 5);
    // The browser may block audio until a tap; the player offers one when it does.
    const unmute = page.getByRole('button', { name: 'Tap to unmute' });
    if (await unmute.isVisible()) await unmute.click();
    await expect.poll(() => audioPlays(page), { timeout: 15_000 }).toBe(true);
  }
  // Pictures for the README, in the live state.
  await host
    .getByRole('article', { name: 'Merino scarf, rose' })
    .getByRole('button', { name: 'Pin' })
    .click();
  for (const page of viewers) {
    await expect(page.locator('.show-interface__pins [data-show-pinned]')).toHaveCount(1, {
      timeout: 5_000,
    });
  }
  // A few words in the chat, as in any show.
  const [ana, ben] = viewers as [Page, Page];
  await say(ana, 'Is the scarf soft enough for a baby?');
  await say(host, 'Very soft: 100 % merino. Pinned it for you, Ana!');
  await say(ben, 'Just ordered the rose one!');
  await expect(ana.getByText('Just ordered the rose one')).toBeVisible({ timeout: 5000 });
  await expect(host.getByText('Just ordered the rose one')).toBeVisible({ timeout: 5000 });
  await host.setViewportSize({ width: 1440, height: 960 });
  await host.screenshot({ path: shot('studio-desktop') });
  await viewers[0]?.screenshot({ path: shot('viewer-desktop') });
  await viewers[1]?.screenshot({ path: shot('viewer-phone') });

  // 4. The host's figures: the health in a sentence; behind "Technical details", ingress, egress
  //    from the viewers' reports and RTT; and 2 viewers counted by the server (webhooks), not by
  //    what the host's page sees.
  // (Which sentence depends on this machine's load: any of the panel's own.)
  await expect(host.locator('.show-control-panel__headline')).toHaveText(
    /^(Your stream is healthy|Checking your stream|Your upload|Your connection|Viewers are|Many viewers)/,
  );
  await host.getByText('Technical details').click();
  const figure = (name: string) => host.locator(`[data-show-figure="${name}"] dd`).first();
  await expect(figure('ingress')).toHaveText(/(\d{3,}(\.\d+)? kbps|Mbps)/, { timeout: 15_000 });
  await expect(figure('egress')).toHaveText(/kbps|Mbps/, { timeout: 30_000 });
  await expect(figure('rtt')).toHaveText(/\d+(\.\d+)? ms/);
  await expect(figure('upload-loss')).toHaveText(/%/);
  const viewerCount = host.locator('.show-control-panel [data-show-viewers]');
  await expect(host.locator('.show-control-panel dt', { hasText: /^Viewers$/ })).toBeVisible({
    timeout: 10_000,
  });
  await expect(viewerCount).toHaveAttribute('data-show-viewers', '2', { timeout: 10_000 });

  // 5. A viewer leaves: the count drops. The host ends the show: the other viewer sees it ended
  //    and leaves the room, so the server counts nobody.
  const [leaving, staying] = viewers as [Page, Page];
  await leaving.context().close();
  await expect(viewerCount).toHaveAttribute('data-show-viewers', '1', { timeout: 10_000 });
  await host.getByRole('button', { name: 'End show' }).click();
  await host.getByRole('button', { name: 'Yes, end the show' }).click();
  await expectPhase(staying, 'ended', 10_000);
  await expect(staying.getByText(/The show has ended/)).toBeVisible();
  await expect(host.locator('.show-control-panel')).toHaveAttribute('data-show-phase', 'ended');
  await expect
    .poll(async () => (await (await host.request.get('/api/shows/spring-drop')).json()).viewers, {
      timeout: 10_000,
    })
    .toBe(0);
  expect(errors).toEqual([]);
  await staying.context().close();
  await hostContext.close();
});
