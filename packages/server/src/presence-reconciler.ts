// Webhooks are not enough to count an audience: LiveKit drops them when its queue for a room is
// full (300 viewers leaving at once lost 96 `participant_left` in the crowd rig), a crashed node
// never says who left, and an instance may miss a burst while it restarts. So the count is checked
// against LiveKit's own list now and then, for every room that had people lately, and corrected
// (with a `viewers` event when it changes).
import type { RoomService } from '@show/token';
import { personOf } from './identity';
import type { Outbox } from './outbox';
import { seatOf } from './seat';
import type { Presence, ShowLog } from './storage/types';

export interface PresenceReconciler {
  /** The room had a join or a leave: keep checking it for a while. */
  touch(room: string): void;
  /** Checks one room now; resolves to the corrected count. */
  reconcile(room: string): Promise<number>;
  /** Checks the room once more in a few seconds (after its node died and people reconnect). */
  soon(room: string): void;
  close(): void;
}

/** A room is checked for this long after its last join or leave. */
const WATCH_MS = 10 * 60_000;
/**
 * After a node's loss, viewers are back on another node in 5-11 s (the cluster test's failovers):
 * whoever is not back by then is counted out then, and counted in again if they return later.
 */
const SOON_MS = 15_000;

/** Our identities are `<person>.<connection>`; anyone else counts as a person of their own. */
export function audiencePerson(identity: string): string {
  return personOf(identity) ?? identity;
}

export function createPresenceReconciler(options: {
  roomService: Pick<RoomService, 'listParticipants'>;
  presence: Presence;
  shows: Pick<ShowLog, 'latest'>;
  outbox: Pick<Outbox, 'push'>;
  intervalMs: number;
  now: () => number;
  onError: ((error: unknown) => void) | undefined;
}): PresenceReconciler {
  const { roomService, presence, shows, outbox, now } = options;
  const watched = new Map<string, number>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let running = false;

  async function reconcile(room: string): Promise<number> {
    // What we counted before asking: a join that lands while LiveKit answers is not undone.
    const counted: Array<[string, string[]]> = [];
    for (const person of await presence.people(room)) {
      counted.push([person, await presence.connections(room, person)]);
    }
    const before = counted.length;
    const [listed, started] = await Promise.all([
      roomService.listParticipants(room),
      shows.latest(room, 'room', 'started'),
    ]);
    const truth = new Map<string, Set<string>>();
    for (const participant of listed) {
      if (seatOf(participant) !== 'audience') continue;
      // Listed from before the room last started: left behind by a node that died (LiveKit lists
      // them until the room ends). Whoever came back joined again, after the start.
      if (started && participant.joinedAtMs > 0 && participant.joinedAtMs < started.at) continue;
      const person = audiencePerson(participant.identity);
      const connections = truth.get(person) ?? new Set<string>();
      connections.add(participant.identity);
      truth.set(person, connections);
    }
    // Leaves first (what LiveKit no longer has), then joins (what it has that we missed).
    for (const [person, identities] of counted) {
      for (const identity of identities) {
        if (!truth.get(person)?.has(identity)) await presence.leave(room, person, identity);
      }
    }
    for (const [person, identities] of truth) {
      for (const identity of identities) await presence.join(room, person, identity);
    }
    const after = await presence.count(room);
    if (after !== before) outbox.push(room, { type: 'viewers', count: after });
    return after;
  }

  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      for (const [room, touched] of watched) {
        if (now() - touched > WATCH_MS) {
          watched.delete(room);
          continue;
        }
        await reconcile(room).catch((error: unknown) => options.onError?.(error));
      }
    })().finally(() => {
      running = false;
    });
  }, options.intervalMs);
  // Never keeps a process alive on its own.
  (timer as { unref?: () => void }).unref?.();

  return {
    touch: (room) => void watched.set(room, now()),
    reconcile,
    soon(room) {
      watched.set(room, now());
      if (pending.has(room)) return;
      const later = setTimeout(() => {
        pending.delete(room);
        reconcile(room).catch((error: unknown) => options.onError?.(error));
      }, SOON_MS);
      (later as { unref?: () => void }).unref?.();
      pending.set(room, later);
    },
    close: () => {
      clearInterval(timer);
      for (const later of pending.values()) clearTimeout(later);
      pending.clear();
    },
  };
}
