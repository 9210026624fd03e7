// Recording through the built app: the host going live starts a recording (the app's recorder,
// told by LiveKit's webhooks), ending the show in the studio finishes it, and the MP4 is what
// ffprobe says it is: audio and video, as long as the show was live. Then the replay: the pins
// come back at the moments they were made, the chat in step, add to cart works.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { ensureFfmpeg } from '@show/harness';
import { errorLog, expectPhase, framesDecoded, goLive, joinShow, newPage, say } from './pages';

const ROOM = 'spring-drop';

interface Manifest {
  recordingId: string;
  status: string;
  startedAt?: number;
  endedAt?: number;
  files: { kind: string; location: string }[];
}

async function manifests(): Promise<Manifest[]> {
  const folder = join(process.env.SHOW_RECORDINGS_DIR ?? '', ROOM);
  const ids = await readdir(folder).catch(() => [] as string[]);
  const found: Manifest[] = [];
  for (const id of ids) {
    const text = await readFile(join(folder, id, 'recording.json'), 'utf8').catch(() => undefined);
    if (text) found.push(JSON.parse(text) as Manifest);
  }
  return found;
}

/** Pins (or unpins) a product in the studio; the server's time of the pin. */
async function pin(host: Page, title: string): Promise<number> {
  const answered = host.waitForResponse((r) => r.url().endsWith('/pins') && r.ok());
  await host.getByRole('article', { name: title }).getByRole('button', { name: 'Pin' }).click();
  return ((await (await answered).json()) as { at: number }).at;
}

/** The replay's video moved to `seconds`, and what its overlay shows pinned then. */
async function pinnedAt(page: Page, seconds: number): Promise<string[]> {
  await page.evaluate(async (to) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    await new Promise<void>((resolve) => {
      video.addEventListener('seeked', () => resolve(), { once: true });
      video.currentTime = to;
    });
  }, seconds);
  await expect(page.locator('.show-replay')).toHaveAttribute(
    'data-show-position',
    String(Math.floor(seconds)),
  );
  return page
    .locator('.show-replay__pins article')
    .evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label') ?? ''));
}

test('going live records the show; ending it finishes one MP4 of the time it was live', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { ffprobe } = await ensureFfmpeg();
  const log = errorLog();
  const before = new Set((await manifests()).map((m) => m.recordingId));
  const host = await newPage(browser, log, 'host');
  await goLive(host);
  const liveAt = Date.now();
  const viewer = await newPage(browser, log, 'viewer');
  await joinShow(viewer, 'Rec');
  await expectPhase(viewer, 'live');
  await expect.poll(() => framesDecoded(viewer), { timeout: 20_000 }).toBeGreaterThan(0);

  // The recording started with the show (its manifest says active once the first frame is in).
  let recording: Manifest | undefined;
  await expect
    .poll(
      async () => {
        recording = (await manifests()).find((m) => !before.has(m.recordingId));
        return recording?.status;
      },
      { timeout: 20_000 },
    )
    .toBe('active');

  // The host pins two products a few seconds apart; a viewer asks about the first.
  await viewer.waitForTimeout(2_000);
  const mugAt = await pin(host, 'Stoneware mug');
  await say(viewer, 'Is the mug dishwasher safe?');
  await viewer.waitForTimeout(4_000);
  const scarfAt = await pin(host, 'Merino scarf, rose');
  await viewer.waitForTimeout(3_000);
  await host.getByRole('button', { name: 'End show' }).click();
  await host.getByRole('button', { name: 'Yes, end the show' }).click();
  const endedAt = Date.now();
  await expectPhase(viewer, 'ended', 15_000);

  // The host ended it on purpose: finished at once, not after the dropout grace period.
  await expect
    .poll(
      async () => (await manifests()).find((m) => m.recordingId === recording!.recordingId)?.status,
      { timeout: 15_000 },
    )
    .toBe('complete');
  const done = (await manifests()).find((m) => m.recordingId === recording!.recordingId)!;
  expect((await manifests()).filter((m) => !before.has(m.recordingId))).toHaveLength(1);

  const mp4 = done.files.find((file) => file.kind === 'mp4')!.location;
  const { stdout } = await promisify(execFile)(ffprobe, [
    ...['-v', 'error', '-of', 'json'],
    ...['-show_entries', 'stream=codec_type:format=duration', mp4],
  ]);
  const probed = JSON.parse(stdout) as {
    streams: { codec_type: string }[];
    format: { duration: string };
  };
  expect(probed.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  // From the first frame to the end: within the time between going live and ending.
  const liveSeconds = (endedAt - liveAt) / 1000;
  const duration = Number(probed.format.duration);
  expect(duration).toBeGreaterThan(liveSeconds - 3);
  expect(duration).toBeLessThan(liveSeconds + 3);

  // The replay: each pin at its moment in the recording (its server time − the first frame's).
  const replay = await newPage(browser, log, 'replay');
  await replay.goto('/replay/spring-drop');
  await expect(replay.locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  const mugSeconds = (mugAt - done.startedAt!) / 1000;
  const scarfSeconds = (scarfAt - done.startedAt!) / 1000;
  console.log(
    `pins at ${mugSeconds.toFixed(2)} s and ${scarfSeconds.toFixed(2)} s of the recording`,
  );
  expect(await pinnedAt(replay, Math.max(0, mugSeconds - 1))).toEqual([]);
  expect(await pinnedAt(replay, mugSeconds + 1)).toEqual(['Stoneware mug']);
  expect(await pinnedAt(replay, scarfSeconds - 1)).toEqual(['Stoneware mug']);
  expect(await pinnedAt(replay, scarfSeconds + 1)).toEqual(['Stoneware mug', 'Merino scarf, rose']);
  await expect(replay.getByText('Is the mug dishwasher safe?')).toBeVisible();
  // Chapters jump to each product; add to cart works in the replay.
  await replay.getByRole('button', { name: /^Jump to Stoneware mug/ }).click();
  await expect(replay.locator('.show-replay__pins article')).toHaveAttribute(
    'aria-label',
    'Stoneware mug',
  );
  await replay.locator('.show-replay__pins').getByRole('button', { name: 'Add to cart' }).click();
  await expect(replay.getByText('1 in cart').first()).toBeVisible();

  expect(log.errors).toEqual([]);
  await replay.context().close();
  await viewer.context().close();
  await host.context().close();
});
