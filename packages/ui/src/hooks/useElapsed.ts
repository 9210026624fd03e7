import { useEffect, useState } from 'react';

/**
 * Milliseconds since `since`, updated every second; undefined while `since` is, and until the first
 * effect: the clock is never read while rendering (a server prerender must not depend on it).
 */
export function useElapsed(since: number | undefined, now: () => number = Date.now) {
  const [clock, setClock] = useState<{ since: number; current: number }>();
  useEffect(() => {
    if (since === undefined) return;
    const tick = () => setClock({ since, current: now() });
    // At once for a new start time (not at the next tick), then every second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [since, now]);
  return since === undefined || clock?.since !== since
    ? undefined
    : Math.max(0, clock.current - since);
}
