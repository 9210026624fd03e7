import { useEffect, useState } from 'react';

/**
 * This page's clock, read every second while `anchor` is defined; undefined while it is not, and
 * until the first read after it changes: the clock is never read while rendering (a server
 * prerender must not depend on it), and a new anchor never meets a reading taken for the old one.
 */
function useClockFor(anchor: number | undefined, now: () => number): number | undefined {
  const [clock, setClock] = useState<{ anchor: number; current: number }>();
  useEffect(() => {
    if (anchor === undefined) return;
    const tick = () => setClock({ anchor, current: now() });
    // At once for a new anchor (not at the next tick), then every second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [anchor, now]);
  return anchor === undefined || clock?.anchor !== anchor ? undefined : clock.current;
}

/** Milliseconds since `since`, updated every second; undefined while `since` is, and until mounted. */
export function useElapsed(since: number | undefined, now: () => number = Date.now) {
  const current = useClockFor(since, now);
  return current === undefined || since === undefined ? undefined : Math.max(0, current - since);
}

/**
 * Milliseconds until `until` (negative once it has passed), updated every second; undefined while
 * `until` is, and until mounted.
 */
export function useCountdown(until: number | undefined, now: () => number = Date.now) {
  const current = useClockFor(until, now);
  return current === undefined || until === undefined ? undefined : until - current;
}
