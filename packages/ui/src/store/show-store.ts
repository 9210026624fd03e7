import type { ShowFigures } from '@show/analytics';
import type { ActiveAlert, CollectedSample, ConnectionQuality, FleetSummary } from '@show/metrics';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CartLines } from './cart';
import type { TrackedEvent } from './commerce';
import {
  defaultChatLimits,
  type ChatAuthor,
  type ChatLimits,
  type ChatMessage,
  type SendResult,
} from './chat';
import type { HostStatus } from './protocol';

/**
 * Where the show stands for this page.
 * - `connecting`: fetching a token or joining;
 * - `waiting`: in the room, the host is not live yet (for the host: ready to go live);
 * - `live`: the host is live;
 * - `reconnecting`: the connection dropped and LiveKit is getting it back;
 * - `host-left`: the host went away without ending the show (it may come back);
 * - `ended`: the host ended the show, or the room was closed;
 * - `error`: a token or connection failure this page gave up on; `retry()` starts again.
 */
export type ShowPhase =
  'idle' | 'connecting' | 'waiting' | 'live' | 'reconnecting' | 'host-left' | 'ended' | 'error';

/** `full`: the show takes no more viewers (the token endpoint said `room_full`). */
export type ShowErrorCode = 'token' | 'connect' | 'disconnected' | 'media' | 'full';

/** A failure as a person should read it; `message` never carries server detail. */
export interface ShowError {
  code: ShowErrorCode;
  message: string;
}

/** A picture the UI can show: LiveKit's video tracks have these two methods. */
export interface AttachableTrack {
  attach(element: HTMLMediaElement): HTMLMediaElement;
  detach(element: HTMLMediaElement): HTMLMediaElement | HTMLMediaElement[];
}

export interface HostView {
  identity: string;
  name: string;
  status: HostStatus | undefined;
  camera: AttachableTrack | undefined;
  screen: AttachableTrack | undefined;
  /** The host publishes a microphone (it may still be muted). */
  microphone: boolean;
}

export interface MetricsView {
  latest: CollectedSample | undefined;
  alerts: readonly ActiveAlert[];
  /** From viewers' reports, on the host's page. */
  fleet: FleetSummary | undefined;
  /** Oldest first; at most HISTORY_LENGTH. */
  ingressBps: ReadonlyArray<number | undefined>;
  egressBps: ReadonlyArray<number | undefined>;
}

export const HISTORY_LENGTH = 60;

/** What the UI may ask of the room behind the store: a real LiveKit room, or a simulation. */
export interface ShowPort {
  /** Sends a message; a refusal (too long, too fast, muted, offline) is a value, not an error. */
  sendChat(text: string): Promise<SendResult>;
  /** Host and moderators only: removes the message for everyone in the room. */
  deleteMessage(id: string): Promise<void>;
  react(): Promise<void>;
  /** Host only: the product ids viewers see pinned, at most three. */
  setPins(ids: readonly string[]): Promise<void>;
  /** After a click: lets the browser play audio it blocked. */
  startAudio(): Promise<void>;
  /** From `error` (or `ended`): fetch a token and join again. */
  retry(): void;
}

/** What the host's controls may ask of the broadcast (set by the broadcaster, or a simulation). */
export interface StudioPort {
  /** Publishes the previewed camera and microphone and tells viewers the show is live. */
  goLive(): Promise<void>;
  /** Tells viewers the show ended, stops publishing and leaves the room. */
  endShow(): Promise<void>;
  /** The show's figures so far, from the show's server (undefined without one that has them). */
  figures?(): Promise<StudioFigures>;
}

/** What the host sees counted while on air (from @show/analytics' figures). */
export type StudioFigures = Pick<
  ShowFigures,
  'viewersNow' | 'peakConcurrency' | 'hearts' | 'addedToCart' | 'checkoutRequests'
>;

export interface ShowState {
  phase: ShowPhase;
  error: ShowError | undefined;
  /** 1 for the first try; counts token and connection retries. */
  attempt: number;
  self: ChatAuthor | undefined;
  host: HostView | undefined;
  /** The browser blocked audio until the person interacts with the page. */
  audioBlocked: boolean;
  /** This page's sound: the viewer's volume (0 to 1) and mute, kept across reconnections. */
  volume: number;
  soundOff: boolean;
  /** LiveKit's estimate for this page's own connection. */
  quality: ConnectionQuality;
  pinnedIds: readonly string[];
  messages: readonly ChatMessage[];
  /** The session's chat limits (`chatLimits`): the one source of the length a message may have. */
  chatLimits: ChatLimits;
  /**
   * The chat so far, from the show's server (undefined without one): being fetched, here, or not
   * to be had right now (live messages still arrive).
   */
  history: 'loading' | 'loaded' | 'unavailable' | undefined;
  /** Chat is closed for this participant (the app's server revoked data publishing). */
  chatMuted: boolean;
  /** Others whose chat the server closed, from their LiveKit permissions (sorted identities). */
  mutedIdentities: readonly string[];
  /** Reactions seen since this page joined. */
  reactions: number;
  /** Other participants this page can see (not the host); a server count is better when there is one. */
  audience: number;
  cart: CartLines;
  metrics: MetricsView;
  port: ShowPort | undefined;
  /** On the host's page: when the show went live (ms since the epoch, this page's clock). */
  liveSince: number | undefined;
  /**
   * Reports what this person does with the products (seen, opened, added, sent to checkout) to
   * the show's server, for the seller's figures; undefined without a server.
   */
  track: ((event: TrackedEvent) => void) | undefined;
  studio: StudioPort | undefined;
}

export type ShowStore = StoreApi<ShowState>;

export const initialMetrics: MetricsView = {
  latest: undefined,
  alerts: [],
  fleet: undefined,
  ingressBps: [],
  egressBps: [],
};

export function initialShowState(): ShowState {
  return {
    phase: 'idle',
    error: undefined,
    attempt: 0,
    self: undefined,
    host: undefined,
    audioBlocked: false,
    volume: 1,
    soundOff: false,
    quality: 'unknown',
    pinnedIds: [],
    messages: [],
    chatLimits: defaultChatLimits,
    history: undefined,
    chatMuted: false,
    mutedIdentities: [],
    reactions: 0,
    audience: 0,
    cart: {},
    metrics: initialMetrics,
    port: undefined,
    liveSince: undefined,
    track: undefined,
    studio: undefined,
  };
}

/** A store for one show on one page. Never shared between shows: create one per instance. */
export function createShowStore(initial?: Partial<ShowState>): ShowStore {
  return createStore<ShowState>()(() => ({ ...initialShowState(), ...initial }));
}

/** Appends to a fixed-length history, dropping the oldest. Pure. */
export function pushHistory<T>(history: readonly T[], value: T, length = HISTORY_LENGTH): T[] {
  const next = history.length >= length ? history.slice(history.length - length + 1) : [...history];
  next.push(value);
  return next;
}
