// pnpm --filter @show/metrics bench — our costs against a naive baseline, in one process:
// processing per tick (a simulcast publisher; a subscriber with 16 tracks), ingest per viewer
// report and p95 query at 10,000 viewers, and memory per viewer. Inputs are the recorded fixtures.
import { readFileSync } from 'node:fs';
import { computeSample, createFleetAggregator } from '@show/metrics';

const load = (name) =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}.json`, import.meta.url), 'utf8'))
    .snapshots;

/** Runs fn repeatedly for ~300 ms after a warm-up and returns µs per call (median of 5). */
function measure(fn) {
  for (let i = 0; i < 200; i++) fn(i);
  const results = [];
  for (let round = 0; round < 5; round++) {
    let calls = 0;
    const started = performance.now();
    while (performance.now() - started < 300) fn(calls++);
    results.push(((performance.now() - started) * 1000) / calls);
  }
  return results.sort((a, b) => a - b)[2];
}

// A subscriber with 16 tracks: the recorded video and audio streams, copied under new ids.
function sixteenTracks(snapshot, shiftMs) {
  const base = snapshot.filter((s) => s.type !== 'inbound-rtp');
  const streams = snapshot.filter((s) => s.type === 'inbound-rtp');
  const copies = [];
  for (let i = 0; i < 8; i++)
    for (const s of streams)
      copies.push({ ...s, id: `${s.id}-${i}`, timestamp: s.timestamp + shiftMs });
  return [...base.map((s) => ({ ...s, timestamp: s.timestamp + shiftMs })), ...copies];
}

// The naive way: a report per track (as track.getRTCStatsReport() polls), each scanned with find.
function naiveTrackRate(previous, current) {
  const now = current.find((s) => s.type === 'inbound-rtp' || s.type === 'outbound-rtp');
  const before = previous.find((s) => s.id === now?.id);
  if (!now || !before) return undefined;
  const bytes = (now.bytesReceived ?? now.bytesSent) - (before.bytesReceived ?? before.bytesSent);
  const pair = current.find((s) => s.type === 'candidate-pair' && s.nominated);
  return {
    bps: (bytes * 8000) / (now.timestamp - before.timestamp),
    rtt: pair?.currentRoundTripTime,
  };
}
function perTrackReports(snapshot) {
  const shared = snapshot.filter(
    (s) => s.type !== 'inbound-rtp' && s.type !== 'outbound-rtp' && s.type !== 'remote-inbound-rtp',
  );
  return snapshot
    .filter((s) => s.type === 'inbound-rtp' || s.type === 'outbound-rtp')
    .map((s) => [s, ...shared]);
}

const rows = [];
for (const [label, previous, current] of [
  ['tick: publisher, 3 layers + audio', ...load('publisher-simulcast').slice(0, 2)],
  [
    'tick: subscriber, 16 tracks',
    sixteenTracks(load('subscriber')[1], 0),
    sixteenTracks(load('subscriber')[1], 1000),
  ],
]) {
  const ours = measure(() => computeSample(previous, current));
  const previousTracks = perTrackReports(previous);
  const currentTracks = perTrackReports(current);
  const naive = measure(() =>
    currentTracks.map((report, i) => naiveTrackRate(previousTracks[i], report)),
  );
  rows.push([label, ours, naive, 'µs']);
}

// 10,000 viewers' reports.
const VIEWERS = 10_000;
const reports = Array.from({ length: VIEWERS }, (_, i) => ({
  v: 1,
  t: 0,
  p: 1,
  bps: 200_000 + ((i * 7919) % 1_800_000),
  loss: (i % 50) / 1000,
  rtt: 5 + (i % 200),
  jit: 2,
  fps: 20 + (i % 10),
  w: 1280,
  h: 720,
  st: 'connected',
}));
const fleet = createFleetAggregator({ epochMs: 5000, epochs: 2 });
let t = 0;
const ingest = measure((i) => fleet.ingest(reports[i % VIEWERS], (t += 1) % 10_000));
const naiveLatest = new Map();
const naiveIngest = measure((i) => naiveLatest.set(i % VIEWERS, reports[i % VIEWERS]));
rows.push(['ingest one viewer report', ingest, naiveIngest, 'µs']);

const fresh = createFleetAggregator({ epochMs: 5000, epochs: 2 });
for (let i = 0; i < VIEWERS; i++) fresh.ingest(reports[i], 5000 + (i % 4000));
let now = 10_000;
const query = measure(() => fresh.summary((now += 5000)).bitrateBps.p95);
const naiveQuery = measure(() => {
  const values = [...naiveLatest.values()].map((r) => r.bps).sort((a, b) => a - b);
  return values[Math.floor(0.95 * (values.length - 1))];
});
rows.push(['fleet summary (p50/p95/p99 of 5 figures), 10,000 viewers', query, naiveQuery, 'µs']);
const p95Only = (() => {
  const sketchQuery = measure(() => fresh.summary(10_001).bitrateBps.p95); // cached until the next epoch
  return sketchQuery;
})();

// Memory per viewer: heap growth from 1,000 to 100,000 viewers' reports.
function heapAfter(build) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  globalThis.gc?.();
  const used = process.memoryUsage().heapUsed - before;
  return { kept, used };
}
const memory = (count, naive) =>
  heapAfter(() => {
    if (naive) {
      const map = new Map();
      for (let i = 0; i < count; i++) map.set(`viewer-${i}`, { ...reports[i % VIEWERS] });
      return map;
    }
    const aggregator = createFleetAggregator();
    for (let i = 0; i < count; i++) aggregator.ingest({ ...reports[i % VIEWERS] }, 1000);
    return aggregator;
  }).used;
const perViewer = (naive) => (memory(100_000, naive) - memory(1_000, naive)) / 99_000;

const fmt = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
console.log(
  `@show/metrics against a naive baseline, Node ${process.version}${globalThis.gc ? '' : ' (run with --expose-gc for the memory row)'}`,
);
console.log(`${'measure'.padEnd(60)} ${'ours'.padStart(10)} ${'naive'.padStart(10)}`);
console.log(
  '(the naive tick computes only a bitrate and an RTT per track; it also costs one getStats() per track in the browser, where ours costs one per connection)',
);
for (const [label, ours, naive, unit] of rows)
  console.log(
    `${label.padEnd(60)} ${`${fmt(ours)} ${unit}`.padStart(10)} ${`${fmt(naive)} ${unit}`.padStart(10)}`,
  );
console.log(
  `${'p95 query between epochs (cached summary)'.padEnd(60)} ${`${fmt(p95Only)} µs`.padStart(10)}`,
);
if (globalThis.gc) {
  console.log(
    `${'memory per added viewer (1,000 → 100,000 reports)'.padEnd(60)} ${`${fmt(perViewer(false))} B`.padStart(10)} ${`${fmt(perViewer(true))} B`.padStart(10)}`,
  );
}
