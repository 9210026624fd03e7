// Hearts for the seller's figures: accepted taps are summed per room in memory and written to the
// show's log as one `reactions` entry (the sum in `detail`) per room per spell, so a storm of taps
// costs one row a second, not one per tap. Each app instance writes its own sums; they add up.
import type { ShowLog } from './storage/types';

export interface ReactionTally {
  add(room: string, count: number): void;
  /** Writes what is summed now; resolves when it is in the log. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface ReactionTallyOptions {
  log: Pick<ShowLog, 'record'>;
  /** How long taps are summed before they are written; default 1000 ms. */
  intervalMs?: number;
  now?(): number;
  onError?(error: unknown): void;
}

export function createReactionTally(options: ReactionTallyOptions): ReactionTally {
  const { log, intervalMs = 1000, onError } = options;
  const now = options.now ?? Date.now;
  let sums = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  function write(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const due = sums;
    sums = new Map();
    const at = now();
    // One write at a time, in order, so the log's sums never overtake each other.
    writing = writing.then(async () => {
      for (const [room, count] of due) {
        try {
          await log.record({ room, kind: 'reactions', detail: String(count), at });
        } catch (error) {
          onError?.(error);
        }
      }
    });
    return writing;
  }

  return {
    add(room, count) {
      sums.set(room, (sums.get(room) ?? 0) + count);
      if (timer === undefined) {
        timer = setTimeout(() => void write(), intervalMs);
        // A library's timer must not keep a process alive.
        (timer as { unref?: () => void }).unref?.();
      }
    },
    flush: write,
    close: write,
  };
}
