import { useEffect, type RefObject } from 'react';

/** What the player needs of an hls.js instance. */
export interface HlsInstance {
  loadSource(url: string): void;
  attachMedia(media: HTMLMediaElement): void;
  destroy(): void;
}

/**
 * The `Hls` class of `hls.js` (`import Hls from 'hls.js'`), passed in by the app that wants HLS in
 * browsers without it: @show/ui does not depend on hls.js, so an app that does not need it ships
 * none of it.
 */
export interface HlsConstructor {
  new (config?: Record<string, unknown>): HlsInstance;
  isSupported(): boolean;
}

const HLS_TYPE = 'application/vnd.apple.mpegurl';
/** How far behind the live edge a live player stays (three 2 s segments, as hls.js does). */
const LIVE_BEHIND_SECONDS = 6;
/** A live playlist that failed (not written yet, a blip) is asked for again after this. */
const LIVE_RETRY_MS = 2000;
/** hls.js for a live show: three segments behind the edge; a missing playlist asked for again. */
const LIVE_HLS_CONFIG = {
  liveSyncDurationCount: 3,
  lowLatencyMode: false,
  manifestLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 20_000,
      timeoutRetry: { maxNumRetry: 4, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 15, retryDelayMs: LIVE_RETRY_MS, maxRetryDelayMs: LIVE_RETRY_MS },
    },
  },
};

/** A playlist (`….m3u8`, a query string allowed). */
export function isHlsPlaylist(src: string): boolean {
  return /\.m3u8(?:[?#]|$)/i.test(src);
}

/**
 * Plays `src` in `video`: an HLS playlist natively where the browser can (Safari, recent Chrome),
 * through `hls` where it cannot, and anything else as the element's own source. `live`: start a
 * few segments behind the live edge, and ask again for a playlist that failed.
 */
export function useMediaSource(
  video: RefObject<HTMLVideoElement | null>,
  src: string,
  hls?: HlsConstructor,
  live = false,
): void {
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const later = (again: () => void) => {
      clearTimeout(retry);
      retry = setTimeout(again, LIVE_RETRY_MS);
    };
    const needsLibrary = isHlsPlaylist(src) && element.canPlayType(HLS_TYPE) === '';
    if (!needsLibrary || !hls?.isSupported()) {
      // A live playlist starts from its first segment in a browser's own player: go to near its
      // end (where hls.js starts by itself). And it may not be written yet in the first seconds of
      // a show: try again.
      const toLiveEdge = () => {
        const { seekable } = element;
        if (!live || seekable.length === 0) return;
        const end = seekable.end(seekable.length - 1);
        if (end - element.currentTime > LIVE_BEHIND_SECONDS * 2) {
          element.currentTime = Math.max(0, end - LIVE_BEHIND_SECONDS);
        }
      };
      const reload = () => later(() => element.load());
      element.addEventListener('loadedmetadata', toLiveEdge);
      if (live) element.addEventListener('error', reload);
      element.setAttribute('src', src);
      return () => {
        clearTimeout(retry);
        element.removeEventListener('loadedmetadata', toLiveEdge);
        element.removeEventListener('error', reload);
        element.removeAttribute('src');
        element.load();
      };
    }
    const player = new hls(live ? LIVE_HLS_CONFIG : {});
    player.loadSource(src);
    player.attachMedia(element);
    return () => player.destroy();
  }, [video, src, hls, live]);
}
