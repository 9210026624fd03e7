import 'server-only';
import { ROLE_ATTRIBUTE, type WebhookEvent } from '@show/token';

export type ShowStatus = 'upcoming' | 'live' | 'ended';

export interface ShowSnapshot {
  room: string;
  status: ShowStatus;
  /** Viewers in the room now, as the server's webhooks tell it (everyone but the host). */
  viewers: number;
  /** The most at once since the room started. */
  peakViewers: number;
  /** ms since the epoch of the last event applied. */
  updatedAt: number | null;
}

type Awaitable<T> = T | Promise<T>;

/**
 * Where the show's state lives. In memory by default; put a shared store (Redis, a database)
 * behind the same methods when the app runs on several instances (callers await each one).
 */
export interface ShowStateStore {
  /** Applies one verified webhook event; a repeated event id is ignored. Returns false then. */
  apply(event: WebhookEvent, now?: number): Awaitable<boolean>;
  get(room: string): Awaitable<ShowSnapshot>;
  /** Remembers whose chat a moderator muted, so their next token (a rejoin) keeps it muted. */
  setChatMuted(room: string, identity: string, muted: boolean): Awaitable<void>;
  isChatMuted(room: string, identity: string): Awaitable<boolean>;
}

const HOST_IDENTITY = 'host';
const REMEMBERED_EVENTS = 10_000;

interface RoomState {
  status: ShowStatus;
  viewers: Set<string>;
  peak: number;
  updatedAt: number | null;
  /** Kept across restarts of the room: a muted viewer stays muted for the show. */
  chatMuted: Set<string>;
}

/** Staff are not audience: the host, and anyone whose token gave them the host or moderator role. */
function isStaff(event: WebhookEvent): boolean {
  const participant = event.participant;
  const role = participant?.attributes?.[ROLE_ATTRIBUTE];
  return participant?.identity === HOST_IDENTITY || role === 'host' || role === 'moderator';
}

export function createMemoryShowState() {
  const rooms = new Map<string, RoomState>();
  // Insertion-ordered: the oldest ids are forgotten first.
  const seen = new Set<string>();

  const roomState = (name: string) => {
    let state = rooms.get(name);
    if (!state) {
      state = {
        status: 'upcoming',
        viewers: new Set(),
        peak: 0,
        updatedAt: null,
        chatMuted: new Set(),
      };
      rooms.set(name, state);
    }
    return state;
  };

  return {
    apply(event, now = Date.now()) {
      if (seen.has(event.id)) return false;
      seen.add(event.id);
      if (seen.size > REMEMBERED_EVENTS) seen.delete(seen.values().next().value as string);
      const name = event.room?.name;
      if (!name) return true;
      const state = roomState(name);
      state.updatedAt = now;
      const identity = event.participant?.identity;
      switch (event.event) {
        case 'room_started':
          state.status = 'upcoming';
          state.viewers.clear();
          state.peak = 0;
          break;
        case 'room_finished':
          state.status = 'ended';
          state.viewers.clear();
          break;
        case 'participant_joined':
          if (identity && !isStaff(event)) {
            state.viewers.add(identity);
            state.peak = Math.max(state.peak, state.viewers.size);
          }
          break;
        case 'participant_left':
          if (identity === HOST_IDENTITY) {
            if (state.status === 'live') state.status = 'ended';
          } else if (identity) state.viewers.delete(identity);
          break;
        case 'track_published':
          if (identity === HOST_IDENTITY) state.status = 'live';
          break;
      }
      return true;
    },
    setChatMuted(room, identity, muted) {
      const { chatMuted } = roomState(room);
      if (muted) chatMuted.add(identity);
      else chatMuted.delete(identity);
    },
    isChatMuted: (room, identity) => rooms.get(room)?.chatMuted.has(identity) ?? false,
    get(room) {
      const state = rooms.get(room);
      return {
        room,
        status: state?.status ?? 'upcoming',
        viewers: state?.viewers.size ?? 0,
        peakViewers: state?.peak ?? 0,
        updatedAt: state?.updatedAt ?? null,
      };
    },
  } satisfies ShowStateStore;
}

const KEY = Symbol.for('show.demo.show-state');

/** The process's one store, shared by every route (module copies included). */
export function showState(): ShowStateStore {
  const holder = globalThis as { [KEY]?: ShowStateStore };
  holder[KEY] ??= createMemoryShowState();
  return holder[KEY];
}
