import type { StreamSample } from './sample';
import { roundTripMs } from './health';

/** LiveKit's connection quality levels. */
export type QualityLevel = 'excellent' | 'good' | 'poor' | 'lost';

export interface QualityInput {
  lossRatio?: number | undefined;
  rttMs?: number | undefined;
  jitterMs?: number | undefined;
  /** Loss hurts video more (weight 10) than Opus audio (8). Default video. */
  kind?: 'video' | 'audio';
  /** A connection that is down is `lost`, whatever the figures. */
  connected?: boolean;
}

export interface Quality {
  /** 0–100. */
  score: number;
  /** Mean opinion score, 1–4.5. */
  mos: number;
  level: QualityLevel;
}

/**
 * LiveKit's own formula (its connection-quality scorer, a simplified E-model), so levels agree:
 * effective delay = RTT/2 + 2 × jitter; delay effect = delay/40, or (delay − 120)/10 above 160 ms;
 * score = 100 − delay effect − loss % × weight; above 80 excellent, above 40 good, above 20 poor,
 * otherwise lost; MOS = 1 + 0.035 s + 7·10⁻⁶ s (s − 60)(100 − s).
 * Undefined when no figure is known.
 */
export function qualityScore(input: QualityInput): Quality | undefined {
  if (input.connected === false) return { score: 0, mos: 1, level: 'lost' };
  const { lossRatio, rttMs, jitterMs } = input;
  if (lossRatio === undefined && rttMs === undefined && jitterMs === undefined) return undefined;
  const effectiveDelay = (rttMs ?? 0) / 2 + 2 * (jitterMs ?? 0);
  const delayEffect = effectiveDelay > 160 ? (effectiveDelay - 120) / 10 : effectiveDelay / 40;
  const weight = input.kind === 'audio' ? 8 : 10;
  const score = Math.min(100, Math.max(0, 100 - delayEffect - (lossRatio ?? 0) * 100 * weight));
  return { score, mos: toMos(score), level: levelOf(score) };
}

export function levelOf(score: number): QualityLevel {
  if (score > 80) return 'excellent';
  if (score > 40) return 'good';
  if (score > 20) return 'poor';
  return 'lost';
}

function toMos(score: number): number {
  return 1 + 0.035 * score + 0.000007 * score * (score - 60) * (100 - score);
}

/** LiveKit's smoothing: drops quickly (0.8 of the way), recovers slowly (0.4). */
export function smoothScore(previous: number | undefined, next: number): number {
  if (previous === undefined) return next;
  return previous + (next < previous ? 0.8 : 0.4) * (next - previous);
}

/** The quality of one side of a sample: what a viewer receives, or what the host sends. */
export function sampleQuality(
  sample: StreamSample,
  side: 'download' | 'upload',
  connected = true,
): Quality | undefined {
  const figures = side === 'download' ? sample.download : sample.upload;
  const kind =
    side === 'download'
      ? sample.download.video
        ? 'video'
        : 'audio'
      : sample.upload.layers.length > 0
        ? 'video'
        : 'audio';
  return qualityScore({
    lossRatio: figures.lossRatio,
    // A viewer's download has no RTCP round trip of its own: only the connection's counts there.
    rttMs: side === 'upload' ? roundTripMs(sample) : sample.connection.rttMs,
    jitterMs: figures.jitterMs,
    kind,
    connected,
  });
}
