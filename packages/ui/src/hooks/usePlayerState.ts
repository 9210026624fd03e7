import { useCallback } from 'react';
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
