import { num, type RtcStatLike } from './stats-report';

/** How one counter moved between two readings of the same stats object. */
export type CounterDelta =
  { kind: 'delta'; value: number; elapsedMs: number } | { kind: 'reset' } | { kind: 'unknown' };

/**
 * The change of `field` between two readings of one stats object. A counter that went down was
 * reset (a restarted sender, a new connection): callers re-baseline rather than report a
 * negative rate. Readings whose clock did not move forward tell nothing.
 */
export function counterDelta(
  previous: RtcStatLike | undefined,
  current: RtcStatLike,
  field: string,
): CounterDelta {
  const before = num(previous, field);
  const now = num(current, field);
  if (previous === undefined || before === undefined || now === undefined)
    return { kind: 'unknown' };
  const elapsedMs = current.timestamp - previous.timestamp;
  if (elapsedMs <= 0) return { kind: 'unknown' };
  if (now < before) return { kind: 'reset' };
  return { kind: 'delta', value: now - before, elapsedMs };
}

/** Per-second rate of a counter (×8 for bytes → bits), or undefined. */
export function ratePerSecond(delta: CounterDelta, factor = 1): number | undefined {
  return delta.kind === 'delta' ? (delta.value * factor * 1000) / delta.elapsedMs : undefined;
}

/** Sums rates, or undefined when nothing was measured or any counter reset (re-baseline). */
export class RateSum {
  private total = 0;
  private measured = false;
  private reset = false;

  add(delta: CounterDelta, factor = 1) {
    if (delta.kind === 'reset') this.reset = true;
    const rate = ratePerSecond(delta, factor);
    if (rate !== undefined) {
      this.total += rate;
      this.measured = true;
    }
  }

  get value(): number | undefined {
    return this.reset || !this.measured ? undefined : this.total;
  }

  get hadReset(): boolean {
    return this.reset;
  }
}

/** Packets lost out of packets that should have arrived, over the streams of one interval. */
export class LossTally {
  private lost = 0;
  private outOf = 0;
  private measured = false;

  add(lost: number, outOf: number) {
    this.lost += lost;
    this.outOf += outOf;
    this.measured = true;
  }

  /** Undefined when nothing was measured or no packet was due. */
  get ratio(): number | undefined {
    return this.measured && this.outOf > 0
      ? Math.min(1, Math.max(0, this.lost / this.outOf))
      : undefined;
  }
}

export type MediaKind = 'audio' | 'video';

/**
 * Byte rates and packet loss in all and per kind: what both directions add up. A stream whose
 * kind is unknown counts in the total only.
 */
export class ByKind {
  readonly rate = { all: new RateSum(), audio: new RateSum(), video: new RateSum() };
  readonly loss = { all: new LossTally(), audio: new LossTally(), video: new LossTally() };

  addBytes(kind: MediaKind | undefined, delta: CounterDelta) {
    this.rate.all.add(delta, 8);
    if (kind) this.rate[kind].add(delta, 8);
  }

  addLoss(kind: MediaKind | undefined, lost: number, outOf: number) {
    this.loss.all.add(lost, outOf);
    if (kind) this.loss[kind].add(lost, outOf);
  }

  /** The bitrate and loss figures that upload and download both report. */
  figures() {
    return {
      bitrateBps: this.rate.all.value,
      videoBitrateBps: this.rate.video.value,
      audioBitrateBps: this.rate.audio.value,
      lossRatio: this.loss.all.ratio,
      audioLossRatio: this.loss.audio.ratio,
      videoLossRatio: this.loss.video.ratio,
    };
  }
}

export function mediaKind(value: unknown): MediaKind | undefined {
  return value === 'audio' || value === 'video' ? value : undefined;
}
