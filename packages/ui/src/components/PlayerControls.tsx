import type { PlayerControlsApi } from '../hooks/usePlayerControls';
import { IconButton } from './IconButton';
import {
  exitFullscreenIcon,
  fullscreenIcon,
  pictureInPictureIcon,
  soundOffIcon,
  soundOnIcon,
} from './icons';

export interface PlayerControlLabels {
  mute: string;
  unmute: string;
  volume: string;
  fullscreen: string;
  exitFullscreen: string;
  pictureInPicture: string;
  exitPictureInPicture: string;
}

export const defaultPlayerControlLabels: PlayerControlLabels = {
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pictureInPicture: 'Picture in picture',
  exitPictureInPicture: 'Exit picture in picture',
};

export interface PlayerControlsProps {
  controls: PlayerControlsApi;
  labels: PlayerControlLabels;
  /** The host publishes sound: without it there is nothing to mute. */
  sound: boolean;
}

/**
 * Sound, picture-in-picture and fullscreen, for the live picture. Buttons the browser cannot use
 * (no PiP on Firefox, no element fullscreen on iPhone's Safari but the video's own) are left out.
 */
export function PlayerControls({ controls, labels: l, sound }: PlayerControlsProps) {
  const { silent, volume, can } = controls;
  const shown = silent ? 0 : volume;
  return (
    <div className="show-player__controls">
      {sound && (
        <div className="show-player__sound">
          <IconButton
            label={silent ? l.unmute : l.mute}
            icon={silent ? soundOffIcon : soundOnIcon}
            className="show-player__control"
            onClick={controls.toggleSound}
          />
          <input
            type="range"
            className="show-player__volume"
            aria-label={l.volume}
            aria-valuetext={`${Math.round(shown * 100)}%`}
            min={0}
            max={1}
            step={0.05}
            value={shown}
            onChange={(event) => controls.setVolume(Number(event.currentTarget.value))}
          />
        </div>
      )}
      {can.pictureInPicture && (
        <IconButton
          label={controls.pictureInPicture ? l.exitPictureInPicture : l.pictureInPicture}
          icon={pictureInPictureIcon}
          className="show-player__control"
          onClick={controls.togglePictureInPicture}
        />
      )}
      {can.fullscreen && (
        <IconButton
          label={controls.fullscreen ? l.exitFullscreen : l.fullscreen}
          icon={controls.fullscreen ? exitFullscreenIcon : fullscreenIcon}
          className="show-player__control"
          onClick={controls.toggleFullscreen}
        />
      )}
    </div>
  );
}
