/// <reference types="@show/harness/vitest-context" />
// On the real livekit-server: a publisher and two viewers measured by this package in Chromium,
// compared with what the SFU itself counted (Prometheus), over the same stretch of time.
import { fileURLToPath } from 'node:url';
import { openTestBrowser, scrape, serveBrowserBundle } from '@show/harness';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parsePrometheusText, sumSamples } from './prometheus';
import { hostAndTwoViewers, joinRoom, samplesOf, type PageSamples } from '../test/live-page-driver';

const livekit = inject('livekit');
const room = `metrics-live-${Date.now()}`;
let context: BrowserContext;
let site: Awaited<ReturnType<typeof openTestBrowser>>;

beforeAll(async () => {
  site = await openTestBrowser(() =>
    serveBrowserBundle({ entry: fileURLToPath(new URL('../test/live-page.ts', import.meta.url)) }),
  );
  ({ context } = site);
});
afterAll(() => site?.close());

function join(identity: string, publish: boolean): Promise<Page> {
  return joinRoom(context, site.url, livekit, { room, identity, publish });
}

async function serverBytes() {
  // This package's own parser, against the live server's text.
  const samples = parsePrometheusText(await scrape(livekit.prometheusUrl));
  return {
    at: Date.now(),
    incoming: sumSamples(samples, 'livekit_packet_bytes', { direction: 'incoming' }) ?? 0,
    outgoing: sumSamples(samples, 'livekit_packet_bytes', { direction: 'outgoing' }) ?? 0,
  };
}

/**
 * The server adds each participant's media bytes to its counters every 5 s, each participant on
 * its own phase, a participant's streams in a burst of increments within a few hundred ms
 * (signalling bytes trickle in between). The host's burst marks a boundary: a window of whole
 * periods then holds exactly as many flushes of every participant as it has periods, and steady
 * streams compare fairly whatever their phase.
 */
async function nextHostFlush(after: Awaited<ReturnType<typeof serverBytes>>, minGapMs = 0) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  let previous = after;
  // A burst at least minGapMs after the last boundary: one per 5 s period, on the same phase.
  let burst: typeof after;
  for (;;) {
    await pause();
    burst = await serverBytes();
    if (burst.incoming - previous.incoming >= 20_000 && burst.at - after.at >= minGapMs) break;
    previous = burst;
  }
  // Let the rest of the burst land; the boundary is when it began.
  let settled = burst;
  for (let quiet = 0; quiet < 4;) {
    await pause();
    const now = await serverBytes();
    quiet = now.incoming - settled.incoming > 1000 ? 0 : quiet + 1;
    settled = now;
  }
  return { ...settled, at: burst.at };
}

/** Bytes our samples account for between two instants: each rate times its interval. */
function bytesBetween(
  samples: PageSamples,
  from: number,
  to: number,
  field: 'uploadBps' | 'downloadBps',
) {
  let bytes = 0;
  for (const s of samples) {
    if (s.timestampMs <= from || s.timestampMs > to || s.intervalMs === undefined) continue;
    bytes += ((s[field] ?? 0) * s.intervalMs) / 8000;
  }
  return bytes;
}

test('upload within 10 % of the SFU’s incoming bytes; viewers’ downloads within 20 % of its outgoing', async () => {
  const { host, viewers } = await hostAndTwoViewers(join);
  // The SFU raises each viewer's layer over the first seconds, and its counters lag ours by up to
  // one period: measure once the streams are steady.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  // Align the window with the server's own updates, then measure over five of them: on a still
  // changing stream the server's lag skews the comparison by lag × Δrate ÷ window.
  const start = await nextHostFlush(await serverBytes());
  let end = start;
  for (let i = 0; i < 5; i++) end = await nextHostFlush(end, 4000);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the pages' samples for the last second

  const hostSamples = await samplesOf(host);
  const viewerSamples = await Promise.all(viewers.map(samplesOf));
  const uploaded = bytesBetween(hostSamples, start.at, end.at, 'uploadBps');
  const downloaded = viewerSamples.reduce(
    (sum, s) => sum + bytesBetween(s, start.at, end.at, 'downloadBps'),
    0,
  );
  const incoming = end.incoming - start.incoming;
  const outgoing = end.outgoing - start.outgoing;
  const seconds = (end.at - start.at) / 1000;
  console.log(
    `over ${seconds.toFixed(1)} s: host upload ${((uploaded * 8) / seconds / 1000).toFixed(0)} kbps vs SFU incoming ${((incoming * 8) / seconds / 1000).toFixed(0)} kbps; ` +
      `viewers ${((downloaded * 8) / seconds / 1000).toFixed(0)} kbps vs SFU outgoing ${((outgoing * 8) / seconds / 1000).toFixed(0)} kbps`,
  );
  expect(uploaded).toBeGreaterThan(0);
  expect(Math.abs(uploaded - incoming) / incoming).toBeLessThan(0.1);
  expect(Math.abs(downloaded - outgoing) / outgoing).toBeLessThan(0.2);

  for (const samples of [hostSamples, ...viewerSamples]) {
    expect(samples.at(-1)?.state).toBe('connected');
    expect(samples.at(-1)?.rttMs).toBeDefined();
  }
  expect(hostSamples.at(-1)?.uploadLoss).toBeDefined();
  expect(viewerSamples[0]?.at(-1)?.downloadLoss).toBeDefined();
}, 120_000);
