// Figures for stories: computed by @show/metrics from stats recorded in real Chromium sessions on
// livekit-server (packages/metrics/test/fixtures), and a simulated audience of viewer reports.
import {
  computeSample,
  createFleetAggregator,
  type RtcStatLike,
  type StreamSample,
} from '@show/metrics';
import simulcast from '../../../packages/metrics/test/fixtures/publisher-simulcast.json';

const [before = [], after = []] = (simulcast as { snapshots: RtcStatLike[][] }).snapshots;

/** The host's upload: three simulcast layers and audio, as recorded. */
export const healthyHostSample: StreamSample = computeSample(before, after);

/** The same reports with about 8 % of the packets reported lost by the SFU (derived). */
export const lossyHostSample: StreamSample = computeSample(
  before,
  after.map((stat) =>
    stat.type === 'remote-inbound-rtp'
      ? { ...stat, packetsLost: (stat.packetsLost as number) + 3 }
      : stat,
  ),
);

/** An audience of `viewers`, with bitrates spread from 0.4 to 1.8 Mbps and some loss. */
export function audience(viewers: number, lossy = false) {
  const fleet = createFleetAggregator({ epochMs: 5000, epochs: 1 });
  for (let i = 0; i < viewers; i++) {
    const loss = lossy ? (i % 4 === 0 ? 0.09 : 0.01) : i % 50 === 0 ? 0.004 : 0;
    fleet.ingest(
      {
        v: 1,
        t: 0,
        p: 1,
        bps: 400_000 + ((i * 7919) % 1_400_000),
        loss,
        rtt: 12 + (i % 40),
        jit: 3,
        fps: 20,
        w: 1280,
        h: 720,
        st: 'connected',
      },
      1000,
    );
  }
  return fleet.summary(5000);
}

/** A simulated minute of ingress for the sparkline (stories run without a server). */
export const ingressHistory = Array.from(
  { length: 60 },
  (_, i) => 1_250_000 + 120_000 * Math.sin(i / 6),
);
