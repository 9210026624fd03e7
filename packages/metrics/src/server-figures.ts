import { parsePrometheusText, sumSamples, type PrometheusSample } from './prometheus';

/** One scrape of the LiveKit server's `/metrics`, with when it was taken. */
export interface ServerScrape {
  timestampMs: number;
  samples: readonly PrometheusSample[];
}

export interface ServerDirection {
  /** Media payload bytes the SFU counted, in bits per second (initial and retransmitted). */
  bitrateBps: number | undefined;
  packetsPerSecond: number | undefined;
  /** Mean of the loss the SFU observed per stream report in the interval, 0–1. */
  lossRatio: number | undefined;
  /** Mean RTT of the stream reports in the interval. */
  rttMs: number | undefined;
  /** Mean jitter of the stream reports in the interval. */
  jitterMs: number | undefined;
}

/** Node-wide figures (LiveKit's metrics have no room label): what the SFU itself saw. */
export interface ServerFigures {
  timestampMs: number;
  intervalMs: number | undefined;
  /** Into the SFU: what publishers (the host) sent it. */
  incoming: ServerDirection;
  /** Out of the SFU: what it forwarded to subscribers (the viewers). */
  outgoing: ServerDirection;
  participants: number | undefined;
  rooms: number | undefined;
}

export function scrapeFromText(text: string, timestampMs: number): ServerScrape {
  return { timestampMs, samples: parsePrometheusText(text) };
}

/**
 * Rates between two scrapes. The server adds to its counters every few seconds (5 s in v1.13),
 * so intervals shorter than that see steps, not rates: compare over several of them.
 */
export function computeServerFigures(
  previous: ServerScrape | undefined,
  current: ServerScrape,
): ServerFigures {
  const intervalMs = previous ? current.timestampMs - previous.timestampMs : undefined;
  const usable = previous && intervalMs !== undefined && intervalMs > 0 ? previous : undefined;
  const direction = (name: 'incoming' | 'outgoing'): ServerDirection => {
    const where = { direction: name };
    const rate = (metric: string, factor: number) => {
      if (!usable || intervalMs === undefined) return undefined;
      const before = sumSamples(usable.samples, metric, where);
      const now = sumSamples(current.samples, metric, where);
      if (before === undefined || now === undefined || now < before) return undefined;
      return ((now - before) * factor * 1000) / intervalMs;
    };
    const mean = (histogram: string, factor: number) => {
      if (!usable) return undefined;
      const sum = delta(usable.samples, current.samples, `${histogram}_sum`, where);
      const count = delta(usable.samples, current.samples, `${histogram}_count`, where);
      return sum === undefined || count === undefined || count <= 0
        ? undefined
        : (sum / count) * factor;
    };
    return {
      bitrateBps: rate('livekit_packet_bytes', 8),
      packetsPerSecond: rate('livekit_packet_total', 1),
      lossRatio: mean('livekit_packet_loss_percent', 0.01),
      rttMs: mean('livekit_rtt_ms', 1),
      jitterMs: mean('livekit_jitter_us', 0.001),
    };
  };
  return {
    timestampMs: current.timestampMs,
    intervalMs,
    incoming: direction('incoming'),
    outgoing: direction('outgoing'),
    participants: sumSamples(current.samples, 'livekit_participant_total'),
    rooms: sumSamples(current.samples, 'livekit_room_total'),
  };
}

function delta(
  before: readonly PrometheusSample[],
  now: readonly PrometheusSample[],
  name: string,
  where: Record<string, string>,
) {
  const a = sumSamples(before, name, where);
  const b = sumSamples(now, name, where);
  return a === undefined || b === undefined || b < a ? undefined : b - a;
}
