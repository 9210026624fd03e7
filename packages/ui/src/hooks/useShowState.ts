import { useCallback, useEffect, useState } from 'react';
import { useShow } from './context';

/** The player's view of the show: phase, host picture, audio and connection quality. */
export function usePlayerState() {
  const phase = useShow((s) => s.phase);
  const error = useShow((s) => s.error);
  const host = useShow((s) => s.host);
  const audioBlocked = useShow((s) => s.audioBlocked);
  const quality = useShow((s) => s.quality);
  const attempt = useShow((s) => s.attempt);
  const port = useShow((s) => s.port);
  const startAudio = useCallback(() => port?.startAudio(), [port]);
  const retry = useCallback(() => port?.retry(), [port]);
  return {
    phase,
    error,
    host,
    audioBlocked,
    quality,
    attempt,
    startAudio,
    retry,
    /** Spread on your own buttons: `<button {...retryButtonProps}>Try again</button>`. */
    retryButtonProps: { type: 'button' as const, onClick: () => void retry() },
    unmuteButtonProps: { type: 'button' as const, onClick: () => void startAudio() },
  };
}

export function useReactions() {
  const count = useShow((s) => s.reactions);
  const port = useShow((s) => s.port);
  const react = useCallback(() => port?.react().catch(() => {}), [port]);
  return {
    count,
    react,
    /** Spread on your own heart button. */
    buttonProps: { type: 'button' as const, onClick: () => void react() },
  };
}

/**
 * How many watch: the server's figure when the app has one (it counts everyone, beyond what
 * this page can see), otherwise the participants this page sees besides the host.
 */
export function useViewerCount(serverCount?: number): { count: number; fromServer: boolean } {
  const audience = useShow((s) => s.audience);
  return serverCount === undefined
    ? { count: audience, fromServer: false }
    : { count: serverCount, fromServer: true };
}

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
