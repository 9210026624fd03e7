// In the system Chromium: a real WebRTC call between two peer connections on one page, with the
// fake camera and microphone, measured by the collector from both ends.
import { expect, test } from 'vitest';
import { createStatsCollector, type CollectedSample } from './collector';
import { fromPeerConnection } from './sources';

async function connect() {
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = (e) => e.candidate && void receiver.addIceCandidate(e.candidate);
  receiver.onicecandidate = (e) => e.candidate && void sender.addIceCandidate(e.candidate);
  const media = await navigator.mediaDevices.getUserMedia({
    video: { width: 640, height: 480 },
    audio: true,
  });
  for (const track of media.getTracks()) sender.addTrack(track, media);
  receiver.ontrack = (event) => {
    if (event.track.kind !== 'video') return;
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.srcObject = new MediaStream([event.track]);
    document.body.append(video);
  };
  await sender.setLocalDescription(await sender.createOffer());
  await receiver.setRemoteDescription(sender.localDescription!);
  await receiver.setLocalDescription(await receiver.createAnswer());
  await sender.setRemoteDescription(receiver.localDescription!);
  return { sender, receiver, media };
}

test('both ends of a real call measure the same stream', async () => {
  const { sender, receiver, media } = await connect();
  const up: CollectedSample[] = [];
  const down: CollectedSample[] = [];
  const upload = createStatsCollector({
    source: fromPeerConnection(sender),
    intervalMs: 500,
    onSample: (s) => up.push(s),
  });
  const download = createStatsCollector({
    source: fromPeerConnection(receiver),
    intervalMs: 500,
    onSample: (s) => down.push(s),
  });
  upload.start();
  download.start();
  await expect
    .poll(() => down.at(-1)?.sample.download.video?.fps ?? 0, { timeout: 15_000, interval: 250 })
    .toBeGreaterThan(10);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  upload.stop();
  download.stop();
  sender.close();
  receiver.close();
  for (const track of media.getTracks()) track.stop();

  const last = (samples: CollectedSample[]) => samples.slice(-4).map((s) => s.sample);
  const mean = (values: (number | undefined)[]) =>
    values.reduce<number>((a, b) => a + (b ?? 0), 0) / values.length;
  const sent = mean(last(up).map((s) => s.upload.bitrateBps));
  const received = mean(last(down).map((s) => s.download.bitrateBps));
  expect(sent).toBeGreaterThan(100_000);
  // Same media, measured at each end: within a quarter of each other over two seconds.
  expect(Math.abs(sent - received) / sent).toBeLessThan(0.25);
  const final = down.at(-1)!;
  expect(final.sample.download.video).toMatchObject({ width: 640, height: 480 });
  expect(final.sample.download.lossRatio).toBe(0);
  expect(final.sample.connection.rttMs).toBeDefined();
  expect(up.at(-1)?.state.connectionState).toBe('connected');
  expect(upload.errorCount + download.errorCount).toBe(0);
});
