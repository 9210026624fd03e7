/// <reference types="@show/harness/vitest-context" />
// The local recorder against the real livekit-server, a host publishing from real Chromium, and
// Debian's ffmpeg: the files are probed with ffprobe, not trusted.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureFfmpeg, launchChromium, openRoomPage, serveRoomPage } from '@show/harness';
import { createRoomService, createTokenMinter } from '@show/token';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createLocalRecorder, type LocalRecorder } from './local';
import type { RecordingInfo } from './recording';

const livekit = inject('livekit');
const minter = createTokenMinter({
  apiKey: livekit.apiKey,
  apiSecret: livekit.apiSecret,
  requireStrongSecret: false,
});
const rooms = createRoomService({ url: livekit.httpUrl, minter });

let browser: Browser;
let site: Awaited<ReturnType<typeof serveRoomPage>>;
let ffprobe: string;
let directory: string;
let recorder: LocalRecorder;

beforeAll(async () => {
  let tools;
  [site, browser, tools, directory] = await Promise.all([
    serveRoomPage(),
    launchChromium(),
    ensureFfmpeg(),
    mkdtemp(join(tmpdir(), 'show-recordings-')),
  ]);
  ffprobe = tools.ffprobe;
  recorder = createLocalRecorder({ url: livekit.wsUrl, minter, directory });
}, 120_000);

afterAll(async () => {
  await recorder?.close();
  await browser?.close();
  await site?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function host(room: string, size?: { width: number; height: number }): Promise<Page> {
  const page = await openRoomPage(browser, site.url);
  const token = await minter.mint({ identity: 'host', room, role: 'host' });
  const joined = await page.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
    livekit.wsUrl,
    token,
  ] as const);
  expect(joined).toMatchObject({ ok: true });
  await page.evaluate((s) => window.harness.publishCameraAndMicrophone(s), size);
  return page;
}

interface Probe {
  streams: { codec_type: string; width?: number; height?: number; duration?: string }[];
  format: { duration: string };
}

async function probe(path: string): Promise<Probe> {
  const { stdout } = await promisify(execFile)(ffprobe, [
    ...['-v', 'error', '-of', 'json'],
    ...['-show_entries', 'stream=codec_type,width,height,duration:format=duration', path],
  ]);
  return JSON.parse(stdout) as Probe;
}

const seconds = (value: string | undefined) => Number(value ?? Number.NaN);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function activeRecording(room: string): Promise<RecordingInfo> {
  let info: RecordingInfo | undefined;
  await expect
    .poll(
      async () => {
        [info] = await recorder.list({ room });
        return info?.status;
      },
      { timeout: 20_000 },
    )
    .toBe('active');
  return info!;
}

test('records the host to an MP4 and an HLS playlist of the length it ran, audio beside video', async () => {
  const room = `record-${Date.now()}`;
  const page = await host(room);
  const started = await recorder.start(room, { participant: 'host' });
  expect(started).toMatchObject({ room, status: 'starting' });
  // Starting again while it runs is the same recording.
  expect((await recorder.start(room)).recordingId).toBe(started.recordingId);

  const active = await activeRecording(room);
  const from = performance.timeOrigin + performance.now();
  await sleep(6_000);
  const done = await recorder.stop(started.recordingId);
  const ranSeconds = (performance.timeOrigin + performance.now() - from) / 1000;
  expect(done.status).toBe('complete');
  expect(done.video).toEqual({ width: 1280, height: 720 });

  const mp4 = done.files.find((file) => file.kind === 'mp4')!.location;
  const probed = await probe(mp4);
  const video = probed.streams.find((s) => s.codec_type === 'video');
  const audio = probed.streams.find((s) => s.codec_type === 'audio');
  expect(video).toMatchObject({ width: 1280, height: 720 });
  expect(audio).toBeDefined();
  // From the first frame to stop: the wait, plus the time from the first frame to `active`.
  const expected = ranSeconds + (from - active.startedAt!) / 1000;
  expect(seconds(probed.format.duration)).toBeGreaterThan(expected - 1);
  expect(seconds(probed.format.duration)).toBeLessThan(expected + 1);
  // One clock for both: the two streams end within a few audio frames of each other.
  expect(Math.abs(seconds(video!.duration) - seconds(audio!.duration))).toBeLessThan(0.3);

  // The host never left: next to no silence was put in, nothing dropped.
  expect(done.continuity?.silenceSeconds).toBeLessThan(1);
  expect(done.continuity?.framesDropped).toBe(0);

  const playlist = await readFile(done.files.find((file) => file.kind === 'hls')!.location, 'utf8');
  expect(playlist).toContain('#EXT-X-ENDLIST');
  expect(playlist.match(/#EXTINF/g)!.length).toBeGreaterThanOrEqual(3);

  // Listed from its manifest by a recorder that never ran it.
  const other = createLocalRecorder({ url: livekit.wsUrl, minter, directory });
  expect(await other.list({ room })).toEqual([done]);
  await page.close();
});

test('the host drops out and comes back with new tracks: one recording, no hole, no second half', async () => {
  const room = `record-rejoin-${Date.now()}`;
  const first = await host(room);
  const { recordingId } = await recorder.start(room, { participant: 'host' });
  const active = await activeRecording(room);
  await sleep(3_000);
  await first.evaluate(() => window.harness.leave());
  await first.close();
  await sleep(4_000);
  const second = await host(room);
  await sleep(4_000);
  const done = await recorder.stop(recordingId);
  const ranSeconds = (performance.timeOrigin + performance.now() - active.startedAt!) / 1000;

  expect(await recorder.list({ room })).toHaveLength(1);
  const probed = await probe(done.files.find((file) => file.kind === 'mp4')!.location);
  const video = probed.streams.find((s) => s.codec_type === 'video')!;
  const audio = probed.streams.find((s) => s.codec_type === 'audio')!;
  // The whole time, the four seconds away included (the last picture, then silence).
  expect(seconds(probed.format.duration)).toBeGreaterThan(ranSeconds - 1.5);
  expect(Math.abs(seconds(video.duration) - seconds(audio.duration))).toBeLessThan(0.3);
  // The four seconds away were filled with the last picture and with silence.
  expect(done.continuity?.silenceSeconds).toBeGreaterThan(3);
  expect(done.continuity?.framesDropped).toBe(0);
  await second.close();
});

test('a portrait host gives a portrait recording', async () => {
  const room = `record-portrait-${Date.now()}`;
  const page = await host(room, { width: 720, height: 1280 });
  const { recordingId } = await recorder.start(room);
  await activeRecording(room);
  await sleep(2_500);
  const done = await recorder.stop(recordingId);
  expect(done.video!.height).toBeGreaterThan(done.video!.width);
  const probed = await probe(done.files.find((file) => file.kind === 'mp4')!.location);
  const video = probed.streams.find((s) => s.codec_type === 'video')!;
  expect(video.height! / video.width!).toBeCloseTo(16 / 9, 1);
  await page.close();
});

test('the recorder does not keep the room open once everyone has left', async () => {
  const room = `record-leave-${Date.now()}`;
  await rooms.createRoom(room, { emptyTimeoutSeconds: 2, departureTimeoutSeconds: 1 });
  const page = await host(room);
  const { recordingId } = await recorder.start(room);
  await activeRecording(room);
  const identities = (await rooms.listParticipants(room)).map((p) => p.identity).sort();
  expect(identities).toEqual(['host', `recorder-${recordingId}`]);
  await page.evaluate(() => window.harness.leave());
  await page.close();
  // With only the recorder (kind `egress`) left, LiveKit closes the room; a person would keep it.
  await expect.poll(() => rooms.listParticipants(room), { timeout: 30_000 }).toEqual([]);
  expect((await recorder.stop(recordingId)).status).toBe('complete');
  expect(await readdir(join(directory, room, recordingId))).toContain('recording.mp4');
});

test('a room nobody publishes in ends as a failed recording, said in words', async () => {
  const room = `record-empty-${Date.now()}`;
  const { recordingId } = await recorder.start(room);
  const done = await recorder.stop(recordingId);
  expect(done).toMatchObject({
    status: 'failed',
    error: 'Nobody published video while recording.',
  });
});
