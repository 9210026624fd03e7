import { useCallback, useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { useShow, useShowStore } from './context';

/** iPhone's Safari has no element fullscreen, only the video's own. */
interface WebKitVideo extends HTMLVideoElement {
  webkitEnterFullscreen?: () => void;
}

/** What this browser lets the player do; all false until mounted (nothing is read on a server). */
export interface PlayerAbilities {
  fullscreen: boolean;
  pictureInPicture: boolean;
}

const NOTHING: PlayerAbilities = { fullscreen: false, pictureInPicture: false };
let abilities: PlayerAbilities | undefined;
/** Read once in a browser (they do not change); nothing on a server. */
function readAbilities(): PlayerAbilities {
  abilities ??= {
    fullscreen:
      (document.fullscreenEnabled &&
        typeof document.documentElement.requestFullscreen === 'function') ||
      typeof (document.createElement('video') as WebKitVideo).webkitEnterFullscreen === 'function',
    pictureInPicture:
      document.pictureInPictureEnabled === true &&
      typeof HTMLVideoElement.prototype.requestPictureInPicture === 'function',
  };
  return abilities;
}
const unchanging = () => () => {};

export interface PlayerControlsApi {
  /** The viewer's volume, 0 to 1. */
  volume: number;
  /** No sound: muted by the viewer, or blocked by the browser until a click. */
  silent: boolean;
  /** Mutes, or unmutes (also asking the browser to play audio it blocked). */
  toggleSound(): void;
  /** Sets the volume; above 0 also unmutes. */
  setVolume(volume: number): void;
  fullscreen: boolean;
  toggleFullscreen(): void;
  pictureInPicture: boolean;
  togglePictureInPicture(): void;
  can: PlayerAbilities;
}

/**
 * The player's controls: sound (kept in the show's store, so it survives a reconnection), and
 * fullscreen for `player` and picture-in-picture for `video`, following the browser's own state
 * (Esc, the system's PiP window closing).
 */
export function usePlayerControls(
  player: RefObject<HTMLElement | null>,
  video: RefObject<HTMLVideoElement | null>,
): PlayerControlsApi {
  const store = useShowStore();
  const volume = useShow((s) => s.volume);
  const silent = useShow((s) => s.soundOff || s.audioBlocked);
  const [fullscreen, setFullscreen] = useState(false);
  const [pictureInPicture, setPictureInPicture] = useState(false);
  const can = useSyncExternalStore(unchanging, readAbilities, () => NOTHING);

  useEffect(() => {
    const root = player.current;
    if (!root) return;
    const onFullscreen = () => setFullscreen(document.fullscreenElement === root);
    // PiP events bubble from the video element, whichever one is mounted now.
    const onPictureInPicture = () =>
      setPictureInPicture(
        document.pictureInPictureElement != null && root.contains(document.pictureInPictureElement),
      );
    document.addEventListener('fullscreenchange', onFullscreen);
    root.addEventListener('enterpictureinpicture', onPictureInPicture);
    root.addEventListener('leavepictureinpicture', onPictureInPicture);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      root.removeEventListener('enterpictureinpicture', onPictureInPicture);
      root.removeEventListener('leavepictureinpicture', onPictureInPicture);
    };
  }, [player]);

  const toggleSound = useCallback(() => {
    const { soundOff, audioBlocked, port, volume } = store.getState();
    if (audioBlocked) {
      // The click is the gesture the browser waited for.
      void port?.startAudio();
      store.setState({ soundOff: false, volume: volume > 0 ? volume : 1 });
    } else if (soundOff || volume === 0) {
      store.setState({ soundOff: false, volume: volume > 0 ? volume : 1 });
    } else {
      store.setState({ soundOff: true });
    }
  }, [store]);

  const setVolume = useCallback(
    (next: number) => {
      const volume = Math.min(1, Math.max(0, Number.isFinite(next) ? next : 1));
      const { audioBlocked, port } = store.getState();
      if (audioBlocked && volume > 0) void port?.startAudio();
      store.setState({ volume, soundOff: volume === 0 });
    },
    [store],
  );

  const toggleFullscreen = () => {
    const root = player.current;
    if (!root) return;
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => {});
    } else if (document.fullscreenEnabled && typeof root.requestFullscreen === 'function') {
      void root.requestFullscreen().catch(() => {});
    } else {
      (video.current as WebKitVideo | null)?.webkitEnterFullscreen?.();
    }
  };

  const togglePictureInPicture = () => {
    if (document.pictureInPictureElement) {
      void document.exitPictureInPicture().catch(() => {});
    } else {
      void video.current?.requestPictureInPicture().catch(() => {});
    }
  };

  return {
    volume,
    silent,
    toggleSound,
    setVolume,
    fullscreen,
    toggleFullscreen,
    pictureInPicture,
    togglePictureInPicture,
    can,
  };
}
