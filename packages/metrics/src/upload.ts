import { ByKind, counterDelta, mediaKind, ratePerSecond } from './counters';
import { num, ofType, str, type RtcStatLike, type StatsIndex } from './stats-report';

/** One outbound video encoding (a simulcast layer). */
export interface UploadLayer {
  id: string;
  /** Simulcast rid (`q`, `h`, `f` in LiveKit), when there is one. */
  rid: string | undefined;
  bitrateBps: number | undefined;
  width: number | undefined;
  height: number | undefined;
  fps: number | undefined;
  /** Sending media in this interval. */
  active: boolean;
}

/** What this side sends: the host's upload, its ingress into the SFU. */
export interface UploadFigures {
  /** Media bytes of every outbound RTP stream (all layers, audio and video), in bits per second. */
  bitrateBps: number | undefined;
  videoBitrateBps: number | undefined;
  audioBitrateBps: number | undefined;
  /** Packets the SFU reported lost ÷ packets sent, over the interval (RTCP receiver reports). */
  lossRatio: number | undefined;
  /** The same for audio: Opus is not retransmitted, so this is the network's loss. */
  audioLossRatio: number | undefined;
  /** The same for video, after the retransmissions the SFU asked for (NACK) repaired some. */
  videoLossRatio: number | undefined;
  /** RTCP round-trip time to the SFU: mean over the streams that reported one. */
  rttMs: number | undefined;
  /** Interarrival jitter the SFU reported: the worst stream. */
  jitterMs: number | undefined;
  /** The top active layer: what the best-served viewer can get. */
  video: {
    fps: number | undefined;
    width: number | undefined;
    height: number | undefined;
    /** Why the encoder holds back: `none`, `bandwidth`, `cpu` or `other`. */
    qualityLimitationReason: string | undefined;
    activeLayers: number;
  };
  layers: UploadLayer[];
  /** Counters that went down this interval; rates are unknown until the next one. */
  resets: number;
}

export function computeUpload(
  previous: StatsIndex | undefined,
  current: StatsIndex,
): UploadFigures {
  const totals = new ByKind();
  const layers: UploadLayer[] = [];
  let resets = 0;
  const rtts: number[] = [];
  let jitterMs: number | undefined;

  const reports = receiverReports(current);
  const previousReports = previous ? receiverReports(previous) : undefined;

  for (const stat of ofType(current, 'outbound-rtp')) {
    const before = previous?.get(stat.id);
    const bytes = counterDelta(before, stat, 'bytesSent');
    if (bytes.kind === 'reset') resets++;
    const kind = mediaKind(stat.kind);
    totals.addBytes(kind, bytes);

    if (kind === 'video') {
      const frames = counterDelta(before, stat, 'framesEncoded');
      layers.push({
        id: stat.id,
        rid: str(stat, 'rid'),
        bitrateBps: ratePerSecond(bytes, 8),
        width: num(stat, 'frameWidth'),
        height: num(stat, 'frameHeight'),
        fps: ratePerSecond(frames) ?? num(stat, 'framesPerSecond'),
        active: bytes.kind === 'delta' && bytes.value > 0,
      });
    }

    // The SFU's receiver report for this stream: loss and RTT as it sees our packets.
    const report = reports.get(stat.id);
    if (!report) continue;
    const rtt = num(report, 'roundTripTime');
    if (rtt !== undefined) rtts.push(rtt * 1000);
    const jitter = num(report, 'jitter');
    if (jitter !== undefined) jitterMs = Math.max(jitterMs ?? 0, jitter * 1000);
    const lost = counterDelta(previousReports?.get(stat.id), report, 'packetsLost');
    const sent = counterDelta(before, stat, 'packetsSent');
    if (sent.kind === 'delta') {
      // Retransmissions repair loss; they are not new packets the SFU could lose.
      const retransmitted = counterDelta(before, stat, 'retransmittedPacketsSent');
      const packets = sent.value - (retransmitted.kind === 'delta' ? retransmitted.value : 0);
      // No new receiver report in this interval means no loss was reported, not unknown loss.
      const lostNow = lost.kind === 'delta' ? lost.value : 0;
      totals.addLoss(kind, lostNow, packets);
    }
  }

  const top = topLayer(layers);
  return {
    ...totals.figures(),
    rttMs: rtts.length > 0 ? rtts.reduce((a, b) => a + b, 0) / rtts.length : undefined,
    jitterMs,
    video: {
      fps: top?.fps,
      width: top?.width,
      height: top?.height,
      qualityLimitationReason: top
        ? str(current.get(top.id), 'qualityLimitationReason')
        : undefined,
      activeLayers: layers.filter((l) => l.active).length,
    },
    layers,
    resets,
  };
}

/** remote-inbound-rtp by the outbound stream it reports on. */
function receiverReports(index: StatsIndex): Map<string, RtcStatLike> {
  const byLocalId = new Map<string, RtcStatLike>();
  for (const stat of index.values()) {
    const localId = str(stat, 'localId');
    if (stat.type === 'remote-inbound-rtp' && localId) byLocalId.set(localId, stat);
  }
  return byLocalId;
}

/** The active layer with the most pixels; before any interval, the largest layer. */
function topLayer(layers: UploadLayer[]): UploadLayer | undefined {
  const pool = layers.some((l) => l.active) ? layers.filter((l) => l.active) : layers;
  let best: UploadLayer | undefined;
  for (const layer of pool) {
    if (!best || (layer.width ?? 0) * (layer.height ?? 0) > (best.width ?? 0) * (best.height ?? 0))
      best = layer;
  }
  return best;
}
