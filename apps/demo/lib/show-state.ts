import 'server-only';
import type { WebhookEvent } from '@show/token';

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

/**
 * Where the show's state lives. In memory by default; put a shared store (Redis, a database)
 * behind the same two methods when the app runs on several instances.
 */
export interface ShowStateStore {
  /** Applies one verified webhook event; a repeated event id is ignored. Returns false then. */
  apply(event: WebhookEvent, now?: number): boolean;
  get(room: string): ShowSnapshot;
}

const HOST_IDENTITY = 'host';
const REMEMBERED_EVENTS = 10_000;

interface RoomState {
  status: ShowStatus;
  viewers: Set<string>;
  peak: number;
  updatedAt: number | null;
}

export function createMemoryShowState(): ShowStateStore {
  const rooms = new Map<string, RoomState>();
  // Insertion-ordered: the oldest ids are forgotten first.
  const seen = new Set<string>();

  const roomState = (name: string) => {
    let state = rooms.get(name);
    if (!state) {
      state = { status: 'upcoming', viewers: new Set(), peak: 0, updatedAt: null };
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
          if (identity && identity !== HOST_IDENTITY) {
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
  };
}

const KEY = Symbol.for('show.demo.show-state');

/** The process's one store, shared by every route (module copies included). */
export function showState(): ShowStateStore {
  const holder = globalThis as { [KEY]?: ShowStateStore };
  holder[KEY] ??= createMemoryShowState();
  return holder[KEY];
}
