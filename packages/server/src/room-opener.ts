// Show rooms are created by the server, never by a join: with `room.auto_create: false` in
// LiveKit's config, a token for a room nobody created is worth nothing, and the room gets its
// participant ceiling here. One CreateRoom per room at a time; a success is trusted for two seconds
// (LiveKit closes empty rooms on its own, so it is asked again after that).
import type { CreateRoomOptions, RoomService } from '@show/token';

export interface RoomOpener {
  open(room: string): Promise<void>;
}

// Short: a LiveKit restart forgets every room, and the next token after it must create it again.
const TRUST_MS = 2000;

export function createRoomOpener(
  roomService: Pick<RoomService, 'createRoom'>,
  options: CreateRoomOptions,
  now: () => number,
): RoomOpener {
  const confirmed = new Map<string, number>();
  const pending = new Map<string, Promise<void>>();
  return {
    async open(room) {
      const at = confirmed.get(room);
      if (at !== undefined && now() - at < TRUST_MS) return;
      let creating = pending.get(room);
      if (!creating) {
        creating = roomService
          .createRoom(room, options)
          .then(() => {
            if (confirmed.size > 1000) confirmed.clear();
            confirmed.set(room, now());
          })
          .finally(() => pending.delete(room));
        pending.set(room, creating);
      }
      await creating;
    },
  };
}
