// Records the stats fixtures from real Chromium sessions on a real livekit-server:
//   node test/record-fixtures.mjs     (run `npm test` once first, so the tools exist)
// Each fixture holds consecutive getStats() snapshots of one peer connection, reduced to the
// stats types @show/metrics reads, with certificates and candidates dropped to stay small.
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessToken } from 'livekit-server-sdk';
import { launchChromium, openRoomPage, serveRoomPage, startLiveKitServer } from '@show/harness';

const KEEP = new Set([
  'outbound-rtp',
  'inbound-rtp',
  'remote-inbound-rtp',
  'remote-outbound-rtp',
  'candidate-pair',
  'transport',
  'media-source',
]);
// Fields that identify machines or carry no figure we use.
const DROP_FIELDS = [
  'mid',
  'remoteId',
  'localCandidateId',
  'remoteCandidateId',
  'codecId',
  'mediaSourceId',
  'encoderImplementation',
  'decoderImplementation',
  'powerEfficientEncoder',
  'powerEfficientDecoder',
  'scalabilityMode',
  'dtlsCipher',
  'srtpCipher',
  'tlsVersion',
  'localCertificateId',
  'remoteCertificateId',
  'iceLocalUsernameFragment',
  'dtlsRole',
  'playoutId',
  'trackIdentifier',
  'googTimingFrameInfo',
];

function reduce(stats) {
  return stats
    .filter((s) => KEEP.has(s.type))
    .map((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !DROP_FIELDS.includes(k))));
}

const out = new URL('./fixtures/', import.meta.url);
const server = await startLiveKitServer({ name: 'fixtures' });
const site = await serveRoomPage();
const browser = await launchChromium();
const room = `fixtures-${Date.now()}`;

async function join(identity, canPublish) {
  const at = new AccessToken(server.apiKey, server.apiSecret, { identity, ttl: 600 });
  at.addGrant({ roomJoin: true, room, canPublish, canSubscribe: true, canPublishData: true });
  const page = await openRoomPage(browser, site.url);
  const joined = await page.evaluate(
    ([u, t]) => window.harness.join(u, t),
    [server.wsUrl, await at.toJwt()],
  );
  if (!joined.ok) throw new Error(joined.message);
  return page;
}

const REFERENCES = ['id', 'localId', 'selectedCandidatePairId', 'transportId'];
const prefixIds = (stat, transport) =>
  Object.fromEntries(
    Object.entries(stat).map(([k, v]) => [
      k,
      REFERENCES.includes(k) && v ? `${transport}:${v}` : v,
    ]),
  );

// livekit-client may run one peer connection for both directions (its single-PC mode), so a
// snapshot is every connection the room has, ids prefixed by the transport they came from.
async function snapshots(page, count, everyMs) {
  const taken = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await sleep(everyMs);
    const raw = await page.evaluate(() => window.harness.rawStats());
    taken.push(
      Object.entries(raw).flatMap(([transport, stats]) =>
        reduce(stats ?? []).map((s) => prefixIds(s, transport)),
      ),
    );
  }
  return taken;
}

function save(name, description, snaps) {
  const file = new URL(`${name}.json`, out);
  writeFileSync(
    file,
    `${JSON.stringify({ description, recordedWith: 'Chromium (fake camera 640x480@20, fake mic), livekit-client 2.23.0, livekit-server v1.13.5', snapshots: snaps }, null, 1)}\n`,
  );
  console.log(`${name}: ${snaps.length} snapshots, ${snaps.map((s) => s.length).join('/')} stats`);
}

try {
  const host = await join('host', true);
  await host.evaluate(() => window.harness.publishCameraAndMicrophone());
  save(
    'publisher-first-moments',
    'Publisher right after publishing: no RTCP receiver report yet, so remote-inbound-rtp and some fields are missing.',
    await snapshots(host, 2, 100),
  );

  const viewer = await join('viewer', false);
  await sleep(6000); // simulcast layers ramp up, receiver reports arrive
  save(
    'publisher-simulcast',
    'Publisher with camera (simulcast) and microphone, steady state, snapshots one second apart.',
    await snapshots(host, 3, 1000),
  );
  save(
    'subscriber',
    'Viewer receiving the camera and microphone of the host, steady state, one second apart.',
    await snapshots(viewer, 3, 1000),
  );

  const before = await snapshots(host, 1, 0);
  await host.evaluate(() => window.harness.replaceCamera());
  await sleep(2000);
  const after = await snapshots(host, 1, 0);
  save(
    'publisher-replaced-track',
    'Publisher before and two seconds after its camera track was unpublished and published again (new sender).',
    [...before, ...after],
  );

  await host.evaluate(() => window.harness.leave());
  const audioHost = await join('radio', true);
  await audioHost.evaluate(() => window.harness.publishMicrophoneOnly());
  await sleep(4000);
  save(
    'publisher-audio-only',
    'Publisher with only a microphone, one second apart.',
    await snapshots(audioHost, 2, 1000),
  );
  await sleep(1000);
  save(
    'subscriber-audio-only',
    'Viewer receiving only audio, one second apart.',
    await snapshots(viewer, 2, 1000),
  );
} finally {
  await browser.close();
  await site.close();
  await server.stop();
}
