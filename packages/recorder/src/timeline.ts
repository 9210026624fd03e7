// The recording's one clock. Video frame k and audio sample n both belong to a position on it
// (k / fps and n / sampleRate seconds after the first frame), so the file stays in sync however
// the frames arrive: late or bunched frames are placed by their own timestamps, a host who drops
// out leaves the last picture and silence (one recording, not two halves), and a resolution
// change is just another frame. Pure: time is passed in, nothing is written here.

export interface TimelineOptions {
  /** Frames per second of the recording. */
  fps: number;
  /** Audio samples per second (one channel). */
  sampleRate: number;
  /**
   * How long a video frame may arrive after its moment and still be shown at it (ms). Frames are
   * written this much after real time, so jitter does not cause repeats followed by drops.
   */
  videoDelayMs?: number;
  /** Audio this far off its position (ms) is left where it lands; further, it is moved. */
  audioToleranceMs?: number;
  /** When no audio comes (the host is away or muted), silence is written this far behind (ms). */
  audioLagMs?: number;
}

export interface TimelineStats {
  /** Video frames written, repeats included. */
  framesWritten: number;
  /** Of them, repeats of an earlier frame (nothing new had arrived for that moment). */
  framesRepeated: number;
  /** Frames that arrived but were never shown (a newer one was due first). */
  framesSkipped: number;
  /** Samples of silence written where no audio came. */
  silenceSamples: number;
  /** Samples of audio dropped because they arrived too late for their position. */
  audioSkipped: number;
}

interface Placed<F> {
  frame: F;
  /** Position on the timeline, ms since the first frame. */
  atMs: number;
}

/** Maps one track's frame timestamps onto arrival time, with the smallest delay seen so far. */
interface TrackClock {
  track: string;
  /** arrival − timestamp, in ms: lowered when a frame comes sooner than any before it. */
  offsetMs: number;
  lastTimestampMs: number;
}

/** A timestamp jump larger than this (ms) means the track started over (a new track, a reset). */
const TIMESTAMP_JUMP_MS = 1000;

export class Timeline<F> {
  private readonly fps: number;
  private readonly sampleRate: number;
  private readonly videoDelayMs: number;
  private readonly toleranceSamples: number;
  private readonly lagMs: number;
  private originMs: number | undefined;
  private clock: TrackClock | undefined;
  private queue: Placed<F>[] = [];
  private current: F | undefined;
  private ticks = 0;
  private samples = 0;
  readonly stats: TimelineStats = {
    framesWritten: 0,
    framesRepeated: 0,
    framesSkipped: 0,
    silenceSamples: 0,
    audioSkipped: 0,
  };

  constructor(options: TimelineOptions) {
    if (!(options.fps > 0 && options.fps <= 120)) throw new RangeError('fps must be 1 to 120.');
    if (!(options.sampleRate >= 8000)) throw new RangeError('sampleRate must be 8000 or more.');
    this.fps = options.fps;
    this.sampleRate = options.sampleRate;
    this.videoDelayMs = options.videoDelayMs ?? 150;
    this.toleranceSamples = Math.round(
      ((options.audioToleranceMs ?? 120) * this.sampleRate) / 1000,
    );
    this.lagMs = options.audioLagMs ?? 400;
  }

  /** Whether a first video frame has set the clock's origin. */
  get started(): boolean {
    return this.originMs !== undefined;
  }

  /** Seconds recorded so far (of video). */
  get durationSeconds(): number {
    return this.ticks / this.fps;
  }

  /** Samples written so far, silence included. */
  get samplesWritten(): number {
    return this.samples;
  }

  /**
   * A decoded video frame of `track`, with its capture timestamp (µs, any origin) and when it
   * arrived (ms, the same clock as `due`'s `nowMs`). The first frame sets the origin.
   */
  pushVideo(frame: F, track: string, timestampUs: number, arrivalMs: number): void {
    const timestampMs = timestampUs / 1000;
    const clock = this.clock;
    const jumped =
      !clock ||
      clock.track !== track ||
      Math.abs(timestampMs - clock.lastTimestampMs) > TIMESTAMP_JUMP_MS;
    if (jumped) {
      this.clock = { track, offsetMs: arrivalMs - timestampMs, lastTimestampMs: timestampMs };
    } else {
      clock.offsetMs = Math.min(clock.offsetMs, arrivalMs - timestampMs);
      clock.lastTimestampMs = timestampMs;
    }
    const capturedMs = timestampMs + this.clock!.offsetMs;
    this.originMs ??= capturedMs;
    const atMs = Math.max(0, capturedMs - this.originMs);
    // A new track starts where it lands: frames still queued from before are overtaken.
    if (jumped) this.queue = this.queue.filter((placed) => placed.atMs < atMs);
    this.queue.push({ frame, atMs });
  }

  /**
   * The video frames to write now: one per tick of the clock up to `nowMs` minus the delay, each
   * the newest frame captured by that tick (the last one again when nothing newer came).
   */
  videoDue(nowMs: number): F[] {
    if (this.originMs === undefined) return [];
    const out: F[] = [];
    const elapsed = nowMs - this.originMs - this.videoDelayMs;
    while (elapsed >= (this.ticks * 1000) / this.fps) {
      const tickMs = (this.ticks * 1000) / this.fps;
      let taken = 0;
      while (taken < this.queue.length && this.queue[taken]!.atMs <= tickMs) taken++;
      if (taken > 0) {
        this.stats.framesSkipped += taken - 1;
        this.current = this.queue[taken - 1]!.frame;
        this.queue = this.queue.slice(taken);
      }
      // The first frame sits at 0, so there is always a current frame from the first tick on.
      if (this.current === undefined) break;
      if (taken === 0) this.stats.framesRepeated++;
      this.stats.framesWritten++;
      this.ticks++;
      out.push(this.current);
    }
    return out;
  }

  /**
   * An audio frame of `samples` that arrived at `arrivalMs`: what to write, in order. Silence
   * first when the audio fell behind its position by more than the tolerance (the host was
   * away), or only the part not already covered when it came too late. Before the first video
   * frame there is no origin, and audio is dropped.
   */
  pushAudio(samples: Int16Array, arrivalMs: number): Int16Array[] {
    if (this.originMs === undefined) return [];
    const endPosition = Math.round(((arrivalMs - this.originMs) * this.sampleRate) / 1000);
    const startPosition = endPosition - samples.length;
    const out: Int16Array[] = [];
    if (this.samples < startPosition - this.toleranceSamples) {
      out.push(this.silence(startPosition - this.samples));
    } else if (this.samples > startPosition + this.toleranceSamples) {
      const skip = Math.min(samples.length, this.samples - startPosition - this.toleranceSamples);
      this.stats.audioSkipped += skip;
      samples = samples.subarray(skip);
    }
    if (samples.length > 0) {
      out.push(samples);
      this.samples += samples.length;
    }
    return out;
  }

  /** Silence to write when no audio has come for a while, so audio keeps pace with video. */
  silenceDue(nowMs: number): Int16Array | undefined {
    if (this.originMs === undefined) return undefined;
    const due = Math.floor(((nowMs - this.originMs - this.lagMs) * this.sampleRate) / 1000);
    return due > this.samples ? this.silence(due - this.samples) : undefined;
  }

  private silence(count: number): Int16Array {
    this.stats.silenceSamples += count;
    this.samples += count;
    return new Int16Array(count);
  }
}
