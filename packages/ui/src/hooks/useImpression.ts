import { IMPRESSION_MS } from '@show/analytics';
import { useEffect, type RefObject } from 'react';
import { useMaybeShow } from './context';

/**
 * Reports an impression of `product` each time `ref`'s element has been at least half on screen
 * for a second (`@show/analytics`' definition), when the show has a server to tell.
 */
export function useImpression(
  ref: RefObject<HTMLElement | null>,
  product: string,
  enabled = true,
): void {
  const track = useMaybeShow((s) => s.track);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !track || !element || typeof IntersectionObserver === 'undefined') return;
    let since: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) {
          since = performance.now();
          timer = setTimeout(() => {
            track({
              type: 'impression',
              product,
              visibleMs: Math.round(performance.now() - (since ?? 0)),
            });
          }, IMPRESSION_MS);
        } else {
          clearTimeout(timer);
          since = undefined;
        }
      },
      { threshold: 0.5 },
    );
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref, product, track, enabled]);
}
