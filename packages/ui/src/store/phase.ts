// The show's phase, owned by one reducer: the session, the room's events and the studio say what
// happened, this decides what the viewer sees. Pure: no LiveKit, no React, no clock.
import type { HostStatus } from './protocol';
import type { ShowError, ShowPhase, ShowState, ShowStore } from './show-store';

export type PhaseEvent =
  /** The session asks for a token and joins (again). */
  | { type: 'joining' }
  /** The session gave up: no token, or the room could not be reached. */
  | { type: 'failed'; error: ShowError }
  /** The room as it is now (see `showFromRoom`). */
  | {
      type: 'room';
      connected: boolean;
      host: { status: HostStatus | undefined } | undefined;
      /** A host was in the room earlier in this session (and is not this page). */
      hostLeft: boolean;
    }
  /** LiveKit is repairing the connection (ICE restart or a full reconnect). */
  | { type: 'reconnecting' }
  /** The room is gone: left on purpose, deleted by the server, or lost. */
  | { type: 'disconnected'; reason: 'left' | 'room_deleted' | 'lost' }
  /** The host ended the show (from the studio). */
  | { type: 'ended' };

export interface PhaseChange {
  phase: ShowPhase;
  error: ShowError | undefined;
}

const LOST: ShowError = { code: 'disconnected', message: 'The connection to the show was lost.' };

/**
 * The next phase. `ended` is final for the rest of a session: a viewer who saw the end is not
 * shown "reconnecting" or an error while leaving; only a new join (`joining`) starts over.
 */
export function nextPhase(current: PhaseChange, event: PhaseEvent): PhaseChange {
  if (event.type === 'joining') return { phase: 'connecting', error: undefined };
  if (event.type === 'failed') return { phase: 'error', error: event.error };
  if (current.phase === 'ended' || event.type === 'ended')
    return { phase: 'ended', error: undefined };
  switch (event.type) {
    case 'room': {
      if (!event.connected) {
        return current.phase === 'idle' ? { phase: 'connecting', error: undefined } : current;
      }
      const status = event.host?.status;
      if (status === 'ended') return { phase: 'ended', error: undefined };
      if (status === 'live') return { phase: 'live', error: undefined };
      if (!event.host && event.hostLeft) return { phase: 'host-left', error: undefined };
      return { phase: 'waiting', error: undefined };
    }
    case 'reconnecting':
      return { phase: 'reconnecting', error: current.error };
    case 'disconnected':
      if (event.reason === 'room_deleted') return { phase: 'ended', error: undefined };
      if (event.reason === 'left') return { phase: 'idle', error: undefined };
      return { phase: 'error', error: LOST };
  }
}

/** Applies `event` to the store's phase (and error), and returns what it became. */
export function dispatchPhase(store: ShowStore, event: PhaseEvent): PhaseChange {
  const state: ShowState = store.getState();
  const next = nextPhase({ phase: state.phase, error: state.error }, event);
  if (next.phase !== state.phase || next.error !== state.error) store.setState(next);
  return next;
}
