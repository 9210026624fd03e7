import { useEffect, useState } from 'react';
import type { StudioFigures } from '../store/show-store';
import { useShow } from './context';

/**
 * The host's figures so far (viewers now, peak, hearts, carts, checkouts), asked of the studio
 * every `intervalMs` while the show is on air; the last answer stays after it ends. Undefined
 * until the first answer, and without a server that has figures. A failed ask keeps the last.
 */
export function useStudioFigures(intervalMs = 5000): StudioFigures | undefined {
  const ask = useShow((s) => s.studio?.figures);
  const phase = useShow((s) => s.phase);
  const onAir = phase === 'live' || phase === 'reconnecting';
  const [figures, setFigures] = useState<StudioFigures>();
  useEffect(() => {
    if (!ask || !onAir) return;
    let stopped = false;
    const load = () =>
      ask().then(
        (answer) => {
          if (!stopped) setFigures(answer);
        },
        () => {
          // Not counted yet (the server has not seen the show go live) or unreachable: next time.
        },
      );
    void load();
    const timer = setInterval(() => void load(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ask, onAir, intervalMs]);
  return figures;
}
