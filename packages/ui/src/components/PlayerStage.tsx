import type { HTMLAttributes, ReactNode } from 'react';
import { usePlayerState } from '../hooks/usePlayerState';
import type { ShowPhase } from '../store/show-store';
import { ShowVideo } from './ShowVideo';

export interface PlayerLabels {
  connecting: string;
  waiting: string;
  live: string;
  reconnecting: string;
  hostLeft: string;
  ended: string;
  error: string;
  retry: string;
  tapToUnmute: string;
  poorConnection: string;
  videoOf: (host: string) => string;
}

export const defaultPlayerLabels: PlayerLabels = {
  connecting: 'Connecting to the show…',
  waiting: 'The show starts soon. Stay here: it begins by itself.',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  hostLeft: 'The host stepped away. The show continues when they are back.',
  ended: 'The show has ended. Thanks for watching!',
  error: 'We could not connect you to the show.',
  retry: 'Try again',
  tapToUnmute: 'Tap to unmute',
  poorConnection: 'Poor connection',
  videoOf: (host) => `Live video from ${host}`,
};

const MESSAGE: Record<ShowPhase, keyof PlayerLabels | undefined> = {
  idle: 'connecting',
  connecting: 'connecting',
  waiting: 'waiting',
  live: undefined,
  reconnecting: 'reconnecting',
  'host-left': 'hostLeft',
  ended: 'ended',
  error: 'error',
};

export interface PlayerStageProps extends HTMLAttributes<HTMLDivElement> {
  labels?: Partial<PlayerLabels> | undefined;
  /** Drawn over the video (reactions, pinned products). */
  children?: ReactNode;
}

/**
 * What a viewer sees: the host's picture (screen share first), a message for every phase, a "tap
 * to unmute" button when the browser blocked audio, a poor-connection badge, and retry after an
 * error. Phase changes are announced through a polite live region.
 */
export function PlayerStage({ labels, children, className, ...rest }: PlayerStageProps) {
  const l = { ...defaultPlayerLabels, ...labels };
  const { phase, error, host, audioBlocked, quality, retryButtonProps, unmuteButtonProps } =
    usePlayerState();
  const picture = host?.screen ?? host?.camera;
  const showPicture = (phase === 'live' || phase === 'reconnecting') && picture;
  const messageKey = MESSAGE[phase];
  const message = messageKey ? (l[messageKey] as string) : undefined;
  const poor = phase === 'live' && (quality === 'poor' || quality === 'lost');
  return (
    <div
      {...rest}
      className={className ? `show-player ${className}` : 'show-player'}
      data-show-phase={phase}
      data-show-error={error?.code}
    >
      {showPicture ? (
        <ShowVideo
          className="show-player__video"
          track={picture}
          aria-label={l.videoOf(host?.name ?? '')}
        />
      ) : (
        <div className="show-player__backdrop" aria-hidden="true" />
      )}
      <div className="show-player__status" role="status" aria-live="polite">
        {phase === 'live' ? (
          <span className="show-badge show-badge--live">{l.live}</span>
        ) : (
          <p className="show-player__message">{message}</p>
        )}
        {poor && <span className="show-badge show-badge--warning">{l.poorConnection}</span>}
      </div>
      {phase === 'error' && (
        <button {...retryButtonProps} className="show-button show-player__retry">
          {l.retry}
        </button>
      )}
      {audioBlocked && phase === 'live' && host?.microphone && (
        <button {...unmuteButtonProps} className="show-button show-player__unmute">
          {l.tapToUnmute}
        </button>
      )}
      {children}
    </div>
  );
}
