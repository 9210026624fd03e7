import {
  useEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react';
import { formatElapsed } from '../format';
import { useCountdown } from '../hooks/useElapsed';
import { usePlayerControls } from '../hooks/usePlayerControls';
import { usePlayerState } from '../hooks/usePlayerState';
import { useStillFrame } from '../hooks/useStillFrame';
import type { ShowPhase } from '../store/show-store';
import { awayIcon, problemIcon } from './icons';
import {
  defaultPlayerControlLabels,
  PlayerControls,
  type PlayerControlLabels,
} from './PlayerControls';
import { ShowVideo } from './ShowVideo';

export interface PlayerLabels extends PlayerControlLabels {
  connecting: string;
  waiting: string;
  /** While waiting, with a known start time: "Starts in 4:59". */
  startsIn: (time: string) => string;
  /** While waiting, once the start time has passed. */
  startingNow: string;
  live: string;
  reconnecting: string;
  hostLeft: string;
  ended: string;
  error: string;
  /** After an error of code `full`, instead of `error`. */
  full: string;
  retry: string;
  tapToUnmute: string;
  poorConnection: string;
  videoOf: (host: string) => string;
}

export const defaultPlayerLabels: PlayerLabels = {
  connecting: 'Connecting to the show…',
  waiting: 'The show starts soon. Stay here: it begins by itself.',
  startsIn: (time) => `Starts in ${time}`,
  startingNow: 'Starting any moment now',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  hostLeft: 'The host stepped away. The show continues when they are back.',
  ended: 'The show has ended. Thanks for watching!',
  error: 'We could not connect you to the show.',
  full: 'So many people are watching that there is no seat left.',
  retry: 'Try again',
  tapToUnmute: 'Tap to unmute',
  poorConnection: 'Poor connection',
  videoOf: (host) => `Live video from ${host}`,
  ...defaultPlayerControlLabels,
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

/** What a player shows around the live picture: the same on every player of the kit. */
export interface PlayerOptions {
  /** The show's name, shown while viewers wait for it to start. */
  showTitle?: string | undefined;
  /** When the show is due to start: a countdown while viewers wait. */
  startsAt?: Date | number | undefined;
  /** What viewers can do once the show has ended: a link to the replay, to the shop. */
  afterShow?: ReactNode;
  /**
   * What viewers can do when the show is full (no seat left): a link to its HLS stream for the
   * overflow audience (`ShowReplay live`), or to come back later.
   */
  whenFull?: ReactNode;
  /** Sound, picture-in-picture and fullscreen over the live picture; default true. */
  controls?: boolean | undefined;
}

/** Splits the player's options from the rest of a prefab's props (one list, for every prefab). */
export function splitPlayerOptions<P extends PlayerOptions>(
  props: P,
): [PlayerOptions, Omit<P, keyof PlayerOptions>] {
  const { showTitle, startsAt, afterShow, whenFull, controls, ...rest } = props;
  return [{ showTitle, startsAt, afterShow, whenFull, controls }, rest];
}

export interface PlayerStageProps extends HTMLAttributes<HTMLDivElement>, PlayerOptions {
  labels?: Partial<PlayerLabels> | undefined;
  /** Drawn over the video (reactions, pinned products). */
  children?: ReactNode;
}

/** How long the controls stay after the last touch or mouse move. */
const CONTROLS_LINGER_MS = 3000;

/**
 * What a viewer sees: the host's picture (screen share first) with sound, picture-in-picture and
 * fullscreen controls; a designed screen for every other phase (a spinner while connecting, the
 * title and a countdown while waiting, the last picture dimmed while reconnecting or when the host
 * is away, what to do next after the end, the reason and a retry after an error); a "tap to
 * unmute" button when the browser blocked audio, and a poor-connection badge. Phase changes are
 * announced through a polite live region.
 */
export function PlayerStage({
  labels,
  children,
  className,
  showTitle,
  startsAt,
  afterShow,
  whenFull,
  controls = true,
  ...rest
}: PlayerStageProps) {
  const l = { ...defaultPlayerLabels, ...labels };
  const { phase, error, host, audioBlocked, quality, retryButtonProps, unmuteButtonProps } =
    usePlayerState();
  const root = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const picture = host?.screen ?? host?.camera;
  const showPicture = (phase === 'live' || phase === 'reconnecting') && picture;
  const [stillHeld, still] = useStillFrame(video, phase === 'live' && Boolean(picture));
  const orientation = useOrientation(video, showPicture ? picture : undefined);
  const playerControls = usePlayerControls(root, video);
  const shown = useControlsLinger();
  const start = startsAt instanceof Date ? startsAt.getTime() : startsAt;
  const untilStart = useCountdown(phase === 'waiting' ? start : undefined);

  const full = phase === 'error' && error?.code === 'full';
  const messageKey = full ? 'full' : MESSAGE[phase];
  const message = messageKey ? (l[messageKey] as string) : undefined;
  const poor = phase === 'live' && (quality === 'poor' || quality === 'lost');
  return (
    <div
      {...rest}
      ref={root}
      className={className ? `show-player ${className}` : 'show-player'}
      data-show-phase={phase}
      data-show-error={error?.code}
      data-show-still={stillHeld || undefined}
      data-show-orientation={orientation}
      data-show-controls={shown.visible ? 'shown' : 'hidden'}
      onPointerMove={(event) => {
        rest.onPointerMove?.(event);
        shown.wake();
      }}
      onPointerDown={(event) => {
        rest.onPointerDown?.(event);
        shown.wake();
      }}
    >
      <div className="show-player__backdrop" aria-hidden="true" />
      <canvas ref={still} className="show-player__still" aria-hidden="true" />
      {picture && (
        // In the page as soon as the host's picture arrives, shown once the show is live: with
        // adaptive stream, LiveKit pauses a track that has no visible element when its stream
        // starts, and a picture attached a moment later then waits for a new key frame.
        <ShowVideo
          ref={video}
          className="show-player__video"
          track={picture}
          data-show-shown={showPicture ? true : undefined}
          aria-hidden={showPicture ? undefined : true}
          aria-label={l.videoOf(host?.name ?? '')}
        />
      )}
      <div className="show-player__centre">
        <div className="show-player__status" role="status" aria-live="polite">
          {phase === 'live' ? (
            <span className="show-badge show-badge--live">{l.live}</span>
          ) : (
            <>
              <PhaseMark phase={phase} />
              {phase === 'waiting' && showTitle && (
                <p className="show-player__title">{showTitle}</p>
              )}
              <p className="show-player__message">{message}</p>
              {phase === 'error' && error && !full && (
                <p className="show-player__reason">{error.message}</p>
              )}
            </>
          )}
          {poor && <span className="show-badge show-badge--warning">{l.poorConnection}</span>}
        </div>
        {untilStart !== undefined && (
          // A timer is not read out every second (its live region is off by default).
          <p className="show-player__countdown" role="timer">
            {untilStart > 0 ? l.startsIn(formatElapsed(untilStart + 999)) : l.startingNow}
          </p>
        )}
        {phase === 'error' && (
          <button {...retryButtonProps} className="show-button show-player__retry">
            {l.retry}
          </button>
        )}
        {phase === 'ended' && afterShow && <div className="show-player__after">{afterShow}</div>}
        {full && whenFull && <div className="show-player__after">{whenFull}</div>}
      </div>
      {audioBlocked && phase === 'live' && host?.microphone && (
        <button {...unmuteButtonProps} className="show-button show-player__unmute">
          {l.tapToUnmute}
        </button>
      )}
      {controls && showPicture && (
        <PlayerControls controls={playerControls} labels={l} sound={host?.microphone === true} />
      )}
      {children}
    </div>
  );
}

/** A spinner while waiting on the network; a symbol for the host away and for an error. */
function PhaseMark({ phase }: { phase: ShowPhase }) {
  if (phase === 'idle' || phase === 'connecting' || phase === 'reconnecting') {
    return <span className="show-spinner" aria-hidden="true" />;
  }
  const icon = phase === 'host-left' ? awayIcon : phase === 'error' ? problemIcon : undefined;
  return icon ? (
    <span className="show-player__mark" aria-hidden="true">
      {icon}
    </span>
  ) : null;
}

/**
 * Whether the picture is upright (a phone host's 9:16) or wide, from the video's own size, which
 * changes when the host turns the phone: the stylesheet fits each to the space.
 */
function useOrientation(
  video: RefObject<HTMLVideoElement | null>,
  track: unknown,
): 'portrait' | 'landscape' | undefined {
  const [orientation, setOrientation] = useState<'portrait' | 'landscape'>();
  useEffect(() => {
    const element = video.current;
    if (!element || !track) return;
    const read = () => {
      if (element.videoWidth === 0) return;
      setOrientation(element.videoHeight > element.videoWidth ? 'portrait' : 'landscape');
    };
    read();
    element.addEventListener('resize', read);
    element.addEventListener('loadedmetadata', read);
    return () => {
      element.removeEventListener('resize', read);
      element.removeEventListener('loadedmetadata', read);
    };
  }, [video, track]);
  return orientation;
}

/** Controls show on a mouse move or a touch, and go a few seconds after the last one. */
function useControlsLinger() {
  const [visible, setVisible] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    visible,
    wake: () => {
      setVisible(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setVisible(false), CONTROLS_LINGER_MS);
    },
  };
}
