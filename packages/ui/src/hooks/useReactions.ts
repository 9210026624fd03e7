import { useCallback } from 'react';
import { useShow } from './context';

/** The show's reaction count, and a way to add one (a heart). */
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
