// One page's connection to a show: token, join, bind, retry with backoff, leave.
import {
  ConnectionError,
  ConnectionErrorReason,
  DisconnectReason,
  Room,
  RoomEvent,
  type RoomConnectOptions,
  type RoomOptions,
} from 'livekit-client';
import type { ChatLimits } from '../store/chat';
import { dispatchPhase } from '../store/phase';
import { ShowActionError } from '../store/show-action-error';
import type { ShowStore } from '../store/show-store';
import { bindRoom } from './bind-room';
import type { ShowServerClient } from './server-client';

/** A token, or a function that fetches one (called again for every attempt). */
export type TokenSource = string | (() => Promise<string>);

export interface RetryPolicy {
  /** Attempts before giving up and showing the error; default 4. */
  attempts: number;
  /** First wait; doubled for each further attempt. Default 1000 ms. */
  baseDelayMs: number;
  /** Default 8000 ms. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 };

export interface ShowSessionOptions {
  serverUrl: string;
  token: TokenSource;
  store: ShowStore;
  roomOptions?: RoomOptions;
  connectOptions?: RoomConnectOptions;
  retry?: Partial<RetryPolicy>;
  chatLimits?: Partial<ChatLimits>;
  /**
   * Sees every failed attempt (the token function's error or LiveKit's), for your logs and
   * dashboards; the page shows a plain sentence either way. `permanent` failures are not retried.
   */
  onError?: (failure: ShowSessionFailure) => void;
  /** The show's server (`createShowServerClient`): chat and reactions go through it. */
  server?: ShowServerClient;
  /** Runs after each successful join, before the phase leaves `connecting` (the host publishes here). */
  onJoined?: (room: Room) => Promise<void> | void;
}

/** A failed attempt to join, as `onError` gets it. */
export interface ShowSessionFailure {
  stage: 'token' | 'connect';
  /** 1 for the first try. */
  attempt: number;
  /** Trying again will not help (refused, not unreachable): no further attempt is made. */
  permanent: boolean;
  error: unknown;
}

/**
 * The show has no seat left: the token endpoint refused with `room_full` (an error carrying that
 * `code`, as the demo's `fetchToken` throws it). LiveKit's own ceiling cannot be told apart: at it,
 * livekit-client reports only a failed websocket (seen against livekit-server 1.13.5).
 */
export function isFullShow(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'room_full';
}

/**
 * Whether a failure is a refusal rather than a blip: a full show, an HTTP 4xx other than 408 and
 * 429 (from a token function that throws an error with a `status`, or from LiveKit), or LiveKit's
 * "not allowed" (a token it does not accept).
 */
export function isPermanentFailure(error: unknown): boolean {
  if (isFullShow(error)) return true;
  if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.NotAllowed) {
    return true;
  }
  const status = (error as { status?: unknown } | null)?.status;
  return (
    typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429
  );
}

export interface SessionHandle {
  readonly room: Room;
  /** Joins; safe to call again after `stop()` or an error (that is what retry does). */
  start(): void;
  /** Leaves the room and cancels any pending attempt; the store keeps its last state. */
  stop(): Promise<void>;
}

/** The wait before attempt `n` (n ≥ 2): base × 2^(n−2), capped, with ±20 % jitter. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 2));
  return Math.round(base * (0.8 + 0.4 * random()));
}

const defaultRoomOptions: RoomOptions = {
  // Only the layers a viewer's player needs, paused when the video is not visible.
  adaptiveStream: true,
  dynacast: true,
};

/**
 * Disconnections that a new join must not undo: the page left, another tab took the identity
 * over, a moderator removed the person, or the room is gone for good.
 */
const FINAL_DISCONNECTS: ReadonlySet<DisconnectReason> = new Set([
  DisconnectReason.CLIENT_INITIATED,
  DisconnectReason.DUPLICATE_IDENTITY,
  DisconnectReason.PARTICIPANT_REMOVED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.ROOM_CLOSED,
  DisconnectReason.USER_REJECTED,
  DisconnectReason.USER_UNAVAILABLE,
]);

/**
 * Creates a room for one show page. Token fetch and join failures are retried with exponential
 * backoff; after the last attempt the store shows `error` (code `token` or `connect`) and
 * `port.retry()` starts over. A connection lost after LiveKit's own reconnect gave up (a restarted
 * server that forgot the room, say) is joined afresh, with a new token, once the show has not ended.
 */
export function createShowSession(options: ShowSessionOptions): SessionHandle {
  const { store } = options;
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const room = new Room({ ...defaultRoomOptions, ...options.roomOptions });
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unbind: (() => void) | undefined;
  let stopping: Promise<void> = Promise.resolve();
  /** Connected and bound: a loss now is the session's to repair (not an attempt's). */
  let joined = false;

  const wait = (ms: number, ofGeneration: number) =>
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(ofGeneration === generation), ms);
    });

  async function attempt(n: number, ofGeneration: number): Promise<void> {
    joined = false;
    dispatchPhase(store, { type: 'joining' });
    store.setState({ attempt: n });
    await stopping;
    if (ofGeneration !== generation) return;
    let stage: 'token' | 'connect' = 'token';
    try {
      const token = typeof options.token === 'string' ? options.token : await options.token();
      if (ofGeneration !== generation) return;
      stage = 'connect';
      await room.connect(options.serverUrl, token, options.connectOptions);
      if (ofGeneration !== generation) return;
      await options.onJoined?.(room);
      unbind?.();
      unbind = bindRoom(room, store, {
        chatLimits: options.chatLimits ?? {},
        onRetry: restart,
        ...(options.server && { server: options.server }),
      });
      joined = true;
    } catch (error) {
      if (ofGeneration !== generation) return;
      const permanent = isPermanentFailure(error);
      options.onError?.({ stage, attempt: n, permanent, error });
      if (
        !permanent &&
        n < policy.attempts &&
        (await wait(backoffDelay(n + 1, policy), ofGeneration))
      ) {
        return attempt(n + 1, ofGeneration);
      }
      if (ofGeneration !== generation) return;
      await room.disconnect();
      dispatchPhase(store, {
        type: 'failed',
        error: isFullShow(error)
          ? { code: 'full', message: 'This show is full right now.' }
          : stage === 'token'
            ? { code: 'token', message: 'Could not get access to the show.' }
            : { code: 'connect', message: 'Could not reach the show.' },
      });
      // The port stays usable for retry even though no room is bound.
      store.setState({ port: { ...errorPort, retry: restart } });
    }
  }

  room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
    if (!joined || (reason !== undefined && FINAL_DISCONNECTS.has(reason))) return;
    joined = false;
    const ofGeneration = generation;
    // Once bindRoom's own listener (registered later) has said whether the show ended.
    queueMicrotask(() => {
      const { phase, error } = store.getState();
      if (phase !== 'error' || error?.code !== 'disconnected') return;
      void wait(backoffDelay(2, policy), ofGeneration).then((current) => {
        if (current) void attempt(1, ofGeneration);
      });
    });
  });

  function start() {
    generation++;
    void attempt(1, generation);
  }

  function restart() {
    void stop().then(start);
  }

  async function stop() {
    generation++;
    joined = false;
    clearTimeout(timer);
    unbind?.();
    unbind = undefined;
    stopping = room.disconnect();
    await stopping;
  }

  return { room, start, stop };
}

const offline = () => Promise.reject(new ShowActionError('offline', 'Not connected to the show.'));
const errorPort = {
  sendChat: () => Promise.resolve({ ok: false as const, refusal: { reason: 'offline' as const } }),
  deleteMessage: offline,
  react: offline,
  setPins: offline,
  startAudio: offline,
  retry: () => {},
};
