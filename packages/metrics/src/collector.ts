import { MetricsError } from './metrics-error';
import { computeSample, type StreamSample } from './sample';
import type { SourceState, StatsSource } from './sources';
import { indexStats, type StatsIndex } from './stats-report';

/** One tick's result: the figures and where the connection stood. */
export interface CollectedSample {
  sample: StreamSample;
  state: SourceState;
}

export interface StatsCollectorOptions {
  source: StatsSource;
  /** Default 1000 ms. */
  intervalMs?: number;
  /** While the page is hidden; default 5000 ms (browsers throttle timers there anyway). */
  hiddenIntervalMs?: number;
  /** An interval longer than this is flagged as a gap; default 5 × intervalMs. */
  gapMs?: number;
  onSample?(collected: CollectedSample): void;
  /** A failed `getStats()`: counted, reported here, and collection goes on. */
  onError?(error: MetricsError): void;
}

export interface StatsCollector {
  start(): void;
  /** After this returns no callback fires, even for a poll already under way. */
  stop(): void;
  /** Polls now; a poll already under way is shared, never doubled. */
  tick(): Promise<CollectedSample | undefined>;
  readonly running: boolean;
  /** Failed polls since creation. */
  readonly errorCount: number;
  readonly lastError: MetricsError | undefined;
}

/** Polls a source on a timer and turns each pair of reports into a sample. */
export function createStatsCollector(options: StatsCollectorOptions): StatsCollector {
  const { source, intervalMs = 1000, hiddenIntervalMs = 5000, onSample, onError } = options;
  const gapMs = options.gapMs ?? intervalMs * 5;
  let previous: StatsIndex | undefined;
  let inFlight: Promise<CollectedSample | undefined> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by stop(): a poll started in an older generation never calls back.
  let generation = 0;
  let running = false;
  let errorCount = 0;
  let lastError: MetricsError | undefined;

  async function poll(ofGeneration: number): Promise<CollectedSample | undefined> {
    let collected: CollectedSample | undefined;
    try {
      const current = indexStats(await source.getStats());
      collected = { sample: computeSample(previous, current, { gapMs }), state: source.state() };
      if (ofGeneration === generation) previous = current;
    } catch (cause) {
      errorCount++;
      lastError = new MetricsError(
        'stats_failed',
        'Reading WebRTC statistics failed; collection goes on.',
        { cause },
      );
      if (ofGeneration === generation) onError?.(lastError);
      return undefined;
    }
    if (ofGeneration === generation) onSample?.(collected);
    return collected;
  }

  function tick(): Promise<CollectedSample | undefined> {
    inFlight ??= poll(generation).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function schedule(ofGeneration: number) {
    timer = setTimeout(
      async () => {
        await tick();
        if (running && ofGeneration === generation) schedule(ofGeneration);
      },
      isHidden() ? hiddenIntervalMs : intervalMs,
    );
  }

  return {
    start() {
      if (running) return;
      running = true;
      void tick();
      schedule(generation);
    },
    stop() {
      running = false;
      generation++;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // The next start measures afresh: rates over a stopped stretch would be misleading.
      previous = undefined;
    },
    tick,
    get running() {
      return running;
    },
    get errorCount() {
      return errorCount;
    },
    get lastError() {
      return lastError;
    },
  };
}

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
