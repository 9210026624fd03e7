/// <reference types="@show/harness/vitest-context" />
// The local recorder against the real livekit-server, a host publishing from real Chromium, and
// Debian's ffmpeg: the files are probed with ffprobe, not trusted.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  ensureFfmpeg,
  freeTcpPort,
  launchChromium,
  openRoomPage,
  serveRoomPage,
  startS3,
} from '@show/harness';
import { createRoomService, createTokenMinter } from '@show/token';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createLocalRecorder, createS3Storage, type LocalRecorder } from './local';
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
let ffmpeg: string;
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
  ({ ffprobe, ffmpeg } = tools);
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

/** The average colour of the recording's picture at `atSeconds`, as [r, g, b]. */
async function colourAt(path: string, atSeconds: number): Promise<number[]> {
  const { stdout } = await promisify(execFile)(
    ffmpeg,
    [
      ...['-v', 'error', '-ss', atSeconds.toFixed(2), '-i', path, '-frames:v', '1'],
      ...['-vf', 'scale=1:1:flags=area', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    ],
    { encoding: 'buffer' },
  );
  return [...stdout.subarray(0, 3)];
}

const isMagenta = ([r = 0, g = 0, b = 0]: number[]) => r > 180 && b > 180 && g < 90;

test("the host's screen share replaces the camera in the recording while it lasts, in one file", async () => {
  const room = `record-screen-${Date.now()}`;
  const page = await host(room);
  const { recordingId } = await recorder.start(room, { participant: 'host' });
  const active = await activeRecording(room);
  const at = () => (performance.timeOrigin + performance.now() - active.startedAt!) / 1000;
  await sleep(3_000);
  const shareFrom = at();
  await page.evaluate(() =>
    window.harness.publishScreenShare({ width: 1280, height: 720 }, '#ff00ff'),
  );
  await sleep(4_000);
  const shareTo = at();
  await page.evaluate(() => window.harness.stopScreenShare());
  await sleep(3_000);
  const end = at();
  const done = await recorder.stop(recordingId);
  expect(done.status).toBe('complete');
  expect(await recorder.list({ room })).toHaveLength(1);

  const mp4 = done.files.find((file) => file.kind === 'mp4')!.location;
  const probed = await probe(mp4);
  expect(seconds(probed.format.duration)).toBeGreaterThan(end - 1.5);
  // Before the share: the camera; in its middle: the shared screen; after it: the camera again.
  expect(isMagenta(await colourAt(mp4, shareFrom / 2))).toBe(false);
  expect(await colourAt(mp4, (shareFrom + shareTo) / 2 + 0.5)).toSatisfy(isMagenta);
  expect(isMagenta(await colourAt(mp4, end - 1))).toBe(false);
  await page.close();
});

/** Times (s) in the recording where the picture turns from dark to bright. */
async function flashes(path: string): Promise<number[]> {
  const { stdout } = await promisify(execFile)(
    ffmpeg,
    [
      ...['-v', 'error', '-i', path, '-an'],
      ...['-vf', 'scale=32:18,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-'],
      ...['-f', 'null', '-'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return risingEdges(stdout, 'lavfi.signalstats.YAVG', (value) => value > 128);
}

/** Times (s) in the recording where the sound turns from silence to a beep (5 ms windows). */
async function beeps(path: string): Promise<number[]> {
  const { stdout } = await promisify(execFile)(
    ffmpeg,
    [
      ...['-v', 'error', '-i', path, '-vn'],
      ...[
        '-af',
        'asetnsamples=n=240:p=0,astats=metadata=1:reset=1,ametadata=print:key=lavfi.astats.Overall.RMS_level:file=-',
      ],
      ...['-f', 'null', '-'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return risingEdges(stdout, 'lavfi.astats.Overall.RMS_level', (value) => value > -30);
}

/** ffmpeg's `metadata=print` output (`… pts_time:T` then `key=value`): where `on` starts holding. */
function risingEdges(printed: string, key: string, on: (value: number) => boolean): number[] {
  const edges: number[] = [];
  let time = Number.NaN;
  let was = true; // an edge needs a dark (silent) moment before it
  for (const line of printed.split('\n')) {
    const stamp = /pts_time:([\d.]+)/.exec(line);
    if (stamp) time = Number(stamp[1]);
    else if (line.startsWith(`${key}=`)) {
      const now = on(Number(line.slice(key.length + 1)));
      if (now && !was) edges.push(time);
      was = now;
    }
  }
  return edges;
}

test('lip sync: a flash and its beep land together in the recording (offsets printed)', async () => {
  const room = `record-sync-${Date.now()}`;
  const page = await openRoomPage(browser, site.url);
  const token = await minter.mint({ identity: 'host', room, role: 'host' });
  expect(
    await page.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
      livekit.wsUrl,
      token,
    ] as const),
  ).toMatchObject({ ok: true });
  await page.evaluate(() => window.harness.publishSyncMarks(1000, 120));
  const { recordingId } = await recorder.start(room, { participant: 'host' });
  await activeRecording(room);
  await sleep(9_000);
  const done = await recorder.stop(recordingId);
  await page.close();
  const mp4 = done.files.find((file) => file.kind === 'mp4')!.location;
  const [seen, heard] = await Promise.all([flashes(mp4), beeps(mp4)]);
  // Each flash with the beep nearest to it (audio after the picture is positive).
  const offsets = seen
    .map(
      (at) =>
        heard.reduce(
          (best, beep) => (Math.abs(beep - at) < Math.abs(best - at) ? beep : best),
          Infinity,
        ) - at,
    )
    .filter((offset) => Math.abs(offset) < 0.5)
    .map((offset) => Math.round(offset * 1000));
  console.log(
    `lip sync: ${seen.length} flashes, ${heard.length} beeps; audio − video per flash (ms): ${offsets.join(', ')}`,
  );
  expect(offsets.length).toBeGreaterThanOrEqual(5);
  const sorted = [...offsets].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  // Broadcast practice (EBU R37) allows audio 40 ms early to 60 ms late; one video frame (33 ms)
  // of the recording's 30 fps is the resolution here.
  expect(median).toBeGreaterThan(-40 - 34);
  expect(median).toBeLessThan(60 + 34);
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

test('with S3 storage: every file copied, byte for byte, with its type; progress said while ending', async () => {
  const s3 = await startS3({ name: 'recorder' });
  try {
    const changes: RecordingInfo[] = [];
    const uploading = createLocalRecorder({
      url: livekit.wsUrl,
      minter,
      directory,
      storage: createS3Storage({ ...s3, prefix: 'shows/' }),
      onChange: (info) => changes.push(info),
    });
    const room = `record-s3-${Date.now()}`;
    const page = await host(room);
    const { recordingId } = await uploading.start(room);
    await expect
      .poll(async () => (await uploading.list({ room }))[0]?.status, { timeout: 20_000 })
      .toBe('active');
    await sleep(4_000);
    const done = await uploading.stop(recordingId);
    await page.close();

    expect(done.status).toBe('complete');
    expect(done.upload).toMatchObject({ status: 'done' });
    expect(done.upload!.uploadedBytes).toBe(done.upload!.totalBytes);
    const key = `shows/${room}/${recordingId}`;
    expect(done.files).toEqual([
      { kind: 'mp4', location: `s3://${s3.bucket}/${key}/recording.mp4` },
      { kind: 'hls', location: `s3://${s3.bucket}/${key}/hls/index.m3u8` },
    ]);
    // Ending said it was uploading before it said complete.
    const statuses = changes.map((info) => `${info.status}:${info.upload?.status ?? '-'}`);
    expect(statuses).toContain('ending:uploading');
    expect(statuses.at(-1)).toBe('complete:done');

    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secret },
    });
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${key}/` }),
    );
    const local = join(directory, room, recordingId);
    const segments = (await readdir(join(local, 'hls'))).filter((name) => name.endsWith('.ts'));
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(listed.Contents?.map((object) => object.Key).sort()).toEqual(
      ['recording.mp4', 'hls/index.m3u8', ...segments.map((name) => `hls/${name}`)]
        .map((name) => `${key}/${name}`)
        .sort(),
    );
    let uploadedBytes = 0;
    for (const [name, type] of [
      ['recording.mp4', 'video/mp4'],
      ['hls/index.m3u8', 'application/vnd.apple.mpegurl'],
      [`hls/${segments[0]}`, 'video/mp2t'],
    ] as const) {
      const object = await client.send(
        new GetObjectCommand({ Bucket: s3.bucket, Key: `${key}/${name}` }),
      );
      expect(object.ContentType).toBe(type);
      // (Cache-Control is sent too; gofakes3 does not keep it, so it is not checked here.)
      const bytes = Buffer.from(await object.Body!.transformToByteArray());
      expect(bytes.equals(await readFile(join(local, name)))).toBe(true);
      uploadedBytes += bytes.length;
    }
    expect(uploadedBytes).toBeGreaterThan(100_000);
    client.destroy();
    await uploading.close();
  } finally {
    await s3.stop();
  }
});

test('storage that cannot be reached: the recording is complete in its folder, and says why the copy failed', async () => {
  const closed = await freeTcpPort();
  const failing = createLocalRecorder({
    url: livekit.wsUrl,
    minter,
    directory,
    storage: createS3Storage({
      bucket: 'recordings',
      endpoint: `http://127.0.0.1:${closed}`,
      accessKey: 'key',
      secret: 'a-secret-never-shown',
    }),
  });
  const room = `record-s3-down-${Date.now()}`;
  const page = await host(room);
  const { recordingId } = await failing.start(room);
  await expect
    .poll(async () => (await failing.list({ room }))[0]?.status, { timeout: 20_000 })
    .toBe('active');
  await sleep(2_500);
  const done = await failing.stop(recordingId);
  await page.close();
  expect(done.status).toBe('complete');
  expect(done.upload?.status).toBe('failed');
  expect(done.upload?.error).toMatch(/^Uploading \S+ to bucket recordings failed: .*ECONNREFUSED/);
  expect(done.upload?.error).not.toContain('a-secret-never-shown');
  // Nothing lost: the files stay where they were, and play.
  const mp4 = done.files.find((file) => file.kind === 'mp4')!.location;
  expect(mp4).toBe(join(directory, room, recordingId, 'recording.mp4'));
  const probed = await probe(mp4);
  expect(probed.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  await failing.close();
});
