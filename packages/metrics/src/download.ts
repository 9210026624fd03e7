import { ByKind, counterDelta, mediaKind, ratePerSecond } from './counters';
import { num, ofType, type StatsIndex } from './stats-report';

/** One inbound RTP stream (a remote track). */
export interface DownloadTrack {
  id: string;
  kind: 'audio' | 'video' | undefined;
  bitrateBps: number | undefined;
  /** Δlost ÷ (Δlost + Δreceived) over the interval. */
  lossRatio: number | undefined;
  jitterMs: number | undefined;
  /** Frames decoded per second, measured from the counter; the browser's own figure before that. */
  fps: number | undefined;
  width: number | undefined;
  height: number | undefined;
  framesDecoded: number | undefined;
  /** Frames decoded in this interval: 0 means the picture stood still. */
  framesDecodedDelta: number | undefined;
  freezeCount: number | undefined;
}

/** What this side receives: a viewer's download, the SFU's egress to it. */
export interface DownloadFigures {
  /** Media bytes of every inbound RTP stream, in bits per second. */
  bitrateBps: number | undefined;
  videoBitrateBps: number | undefined;
  audioBitrateBps: number | undefined;
  /** Packet-weighted over all streams: ΣΔlost ÷ (ΣΔlost + ΣΔreceived). */
  lossRatio: number | undefined;
  /** The same for audio: the network's loss, as Opus is not retransmitted. */
  audioLossRatio: number | undefined;
  /** The same for video, after retransmissions (NACK) repaired some. */
  videoLossRatio: number | undefined;
  /** Interarrival jitter of the worst stream. */
  jitterMs: number | undefined;
  /** The video stream with the most pixels (the main picture). */
  video: Omit<DownloadTrack, 'id' | 'kind' | 'bitrateBps' | 'lossRatio' | 'jitterMs'> | undefined;
  tracks: DownloadTrack[];
  resets: number;
}

export function computeDownload(
  previous: StatsIndex | undefined,
  current: StatsIndex,
): DownloadFigures {
  const totals = new ByKind();
  const tracks: DownloadTrack[] = [];
  let resets = 0;
  let jitterMs: number | undefined;

  for (const stat of ofType(current, 'inbound-rtp')) {
    const before = previous?.get(stat.id);
    const bytes = counterDelta(before, stat, 'bytesReceived');
    if (bytes.kind === 'reset') resets++;
    const kind = mediaKind(stat.kind);
    totals.addBytes(kind, bytes);

    const packets = counterDelta(before, stat, 'packetsReceived');
    const lostDelta = counterDelta(before, stat, 'packetsLost');
    let trackLoss: number | undefined;
    if (packets.kind === 'delta') {
      // packetsLost may fall when duplicates arrive: count that as no loss, not as a reset.
      const trackLost = lostDelta.kind === 'delta' ? lostDelta.value : 0;
      totals.addLoss(kind, trackLost, trackLost + packets.value);
      trackLoss =
        trackLost + packets.value > 0 ? trackLost / (trackLost + packets.value) : undefined;
    }
    const jitter = num(stat, 'jitter');
    if (jitter !== undefined) jitterMs = Math.max(jitterMs ?? 0, jitter * 1000);

    const frames = counterDelta(before, stat, 'framesDecoded');
    tracks.push({
      id: stat.id,
      kind,
      bitrateBps: ratePerSecond(bytes, 8),
      lossRatio: trackLoss,
      jitterMs: jitter === undefined ? undefined : jitter * 1000,
      fps: kind === 'video' ? (ratePerSecond(frames) ?? num(stat, 'framesPerSecond')) : undefined,
      width: num(stat, 'frameWidth'),
      height: num(stat, 'frameHeight'),
      framesDecoded: num(stat, 'framesDecoded'),
      framesDecodedDelta: frames.kind === 'delta' ? frames.value : undefined,
      freezeCount: num(stat, 'freezeCount'),
    });
  }

  const main = largestVideo(tracks);
  return {
    ...totals.figures(),
    jitterMs,
    video: main && {
      fps: main.fps,
      width: main.width,
      height: main.height,
      framesDecoded: main.framesDecoded,
      framesDecodedDelta: main.framesDecodedDelta,
      freezeCount: main.freezeCount,
    },
    tracks,
    resets,
  };
}

function largestVideo(tracks: DownloadTrack[]): DownloadTrack | undefined {
  let best: DownloadTrack | undefined;
  for (const track of tracks) {
    if (track.kind !== 'video') continue;
    if (!best || (track.width ?? 0) * (track.height ?? 0) > (best.width ?? 0) * (best.height ?? 0))
      best = track;
  }
  return best;
}
