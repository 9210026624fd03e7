// What viewers do with the products, sent to the show's server in small batches for the seller's
// figures (`@show/analytics`' events). Best effort: a lost batch thins the figures, it never
// bothers the viewer. Batches leave every two seconds, when full, and when the page is hidden.
import type { CommerceEvent, WatchMode } from '@show/analytics';
import type { TrackedEvent } from '../store/commerce';

export interface CommerceTracker {
  track(event: TrackedEvent): void;
  /** Sends what is waiting now. */
  flush(): void;
  /** Sends what is waiting and stops listening to the page. */
  stop(): void;
}

const MAX_BATCH = 20;

export function createCommerceTracker(options: {
  mode: WatchMode;
  send: (events: CommerceEvent[]) => Promise<void>;
  flushMs?: number;
}): CommerceTracker {
  const { mode, send } = options;
  const flushMs = options.flushMs ?? 2000;
  let waiting: CommerceEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      send(batch).catch(() => {
        // The figures lose these; the show goes on.
      });
    }
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const listening = typeof document !== 'undefined';
  if (listening) document.addEventListener('visibilitychange', onHidden);

  return {
    track(event) {
      waiting.push({ ...event, mode } as CommerceEvent);
      if (waiting.length >= MAX_BATCH) flush();
      else timer ??= setTimeout(flush, flushMs);
    },
    flush,
    stop() {
      flush();
      if (listening) document.removeEventListener('visibilitychange', onHidden);
    },
  };
}
