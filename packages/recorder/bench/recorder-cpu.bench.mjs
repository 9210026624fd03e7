// What recording a show costs: CPU of this process (rtc-node decoding, the timeline, PGMYUV) and of
// ffmpeg (encoding), per second of show, beside a baseline measured in the same run: a participant
// that only subscribes and decodes the same tracks. Prints what it measured; asserts nothing.
//   pnpm --filter @show/recorder bench [seconds per phase, default 20]   (BENCH_FPS=20 to match
//   the camera)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AudioStream,
  Room,
  RoomEvent,
  TrackKind,
  VideoBufferType,
  VideoStream,
} from '@livekit/rtc-node';
import {
  ensureFfmpeg,
  launchChromium,
  openRoomPage,
  serveRoomPage,
  startLiveKitServer,
} from '@show/harness';
import { createTokenMinter } from '@show/token';
import { createLocalRecorder } from '../dist/local.js';

const seconds = Number(process.argv[2] ?? 20);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const { ffmpeg } = await ensureFfmpeg();
const work = mkdtempSync(join(tmpdir(), 'show-recorder-bench-'));
// ffmpeg through bash, whose `times` prints the CPU its children used when ffmpeg is done.
const wrapper = join(work, 'ffmpeg-timed.sh');
writeFileSync(
  wrapper,
  `#!/bin/bash\n"${ffmpeg}" "$@"\ncode=$?\ntimes > "${work}/ffmpeg-times"\nexit $code\n`,
);
chmodSync(wrapper, 0o755);

const server = await startLiveKitServer({ name: 'recorder-bench' });
const minter = createTokenMinter({
  apiKey: server.apiKey,
  apiSecret: server.apiSecret,
  requireStrongSecret: false,
});
const [site, browser] = await Promise.all([serveRoomPage(), launchChromium()]);
const room = `bench-${Date.now()}`;
const page = await openRoomPage(browser, site.url);
await page.evaluate(
  ([url, token]) => window.harness.join(url, token),
  [server.wsUrl, await minter.mint({ identity: 'host', room, role: 'host' })],
);
await page.evaluate(() => window.harness.publishCameraAndMicrophone());
await sleep(3000); // past the first low simulcast layer

// Baseline: subscribe and decode, nothing else.
async function decodeOnly() {
  const subscriber = new Room();
  let frames = 0;
  const readers = [];
  subscriber.on(RoomEvent.TrackSubscribed, (track) => {
    const stream =
      track.kind === TrackKind.KIND_VIDEO
        ? new VideoStream(track)
        : new AudioStream(track, { sampleRate: 48000, numChannels: 1 });
    const reader = stream.getReader();
    readers.push(reader);
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true }));
        if (done) return;
        if (track.kind === TrackKind.KIND_VIDEO) {
          value.frame.convert(VideoBufferType.I420);
          frames++;
        }
      }
    })();
  });
  const token = await minter.mint({
    identity: 'baseline',
    room,
    role: 'viewer',
    kind: 'egress',
    grants: { hidden: true },
  });
  await subscriber.connect(server.wsUrl, token, { autoSubscribe: true, dynacast: false });
  await sleep(2000);
  const from = cpuSeconds();
  const framesFrom = frames;
  await sleep(seconds * 1000);
  const used = cpuSeconds() - from;
  const fps = (frames - framesFrom) / seconds;
  for (const reader of readers) await reader.cancel().catch(() => {});
  await subscriber.disconnect();
  return { process: used, fps };
}

async function recording() {
  const recorder = createLocalRecorder({
    url: server.wsUrl,
    minter,
    directory: join(work, 'recordings'),
    ffmpegPath: wrapper,
    // The recording's frame rate (default 30; the fake camera sends 20).
    ...(process.env.BENCH_FPS && { fps: Number(process.env.BENCH_FPS) }),
  });
  const { recordingId } = await recorder.start(room, { participant: 'host' });
  await sleep(2000);
  const from = cpuSeconds();
  await sleep(seconds * 1000);
  const used = cpuSeconds() - from;
  const info = await recorder.stop(recordingId);
  // bash's `times`: the shell's own line, then its children's (ffmpeg): "0m1.234s 0m0.056s".
  const lines = readFileSync(join(work, 'ffmpeg-times'), 'utf8').trim().split('\n');
  const [user, system] = lines[1].split(/\s+/).map((t) => {
    const [, m, s] = /(\d+)m([\d.]+)s/.exec(t);
    return Number(m) * 60 + Number(s);
  });
  const probe = spawnSync('ffprobe', [
    ...['-v', 'error', '-of', 'csv=p=0', '-show_entries', 'format=duration'],
    info.files[0].location,
  ]);
  return {
    process: used,
    ffmpegPerSecond: (user + system) / info.durationSeconds,
    duration: Number(String(probe.stdout).trim()),
    video: info.video,
  };
}

const baseline = await decodeOnly();
const recorded = await recording();
await browser.close();
await site.close();
await server.stop();
rmSync(work, { recursive: true, force: true });

const cores = (cpu) => (cpu / seconds).toFixed(2);
const recorderCores = recorded.process / seconds + recorded.ffmpegPerSecond;
console.log(`
Recording one 720p show (${seconds} s per phase, fake camera at ${baseline.fps.toFixed(1)} fps)
  baseline, decode only (this process)        ${cores(baseline.process)} cores
  recorder, this process (decode + timeline)  ${cores(recorded.process)} cores
  recorder, ffmpeg (x264 veryfast + AAC)      ${recorded.ffmpegPerSecond.toFixed(2)} cores
  recorder in all                             ${recorderCores.toFixed(2)} cores = ${(recorderCores / (baseline.process / seconds)).toFixed(1)}× the baseline
  recording: ${recorded.video?.width}×${recorded.video?.height}, ${recorded.duration.toFixed(1)} s in the MP4
`);
// rtc-node's native threads would keep the process alive.
process.exit(0);
