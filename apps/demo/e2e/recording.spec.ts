// Recording through the built app: the host going live starts a recording (the app's recorder,
// told by LiveKit's webhooks), ending the show in the studio finishes it, and the MP4 is what
// ffprobe says it is: audio and video, as long as the show was live.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ensureFfmpeg } from '@show/harness';
import { errorLog, expectPhase, framesDecoded, goLive, joinShow, newPage } from './pages';

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

  await viewer.waitForTimeout(6_000);
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
  expect(log.errors).toEqual([]);
  await viewer.context().close();
  await host.context().close();
});
