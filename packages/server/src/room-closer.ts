// A show the host ended closes its room a little later: viewers who stay on the page would keep
// it (and its node) busy for nothing, and a node being drained for a deploy waits for its rooms to
// empty. Viewers' pages take LiveKit's "room deleted" as the end they already showed. Not after a
// host dropped out (they may come back), and not when a host is in the room again by then (the
// next show being prepared, or live).
import type { RoomService } from '@show/token';

export interface RoomCloser {
  /** The host ended the show in `room`: close the room after the delay, if it is still ended. */
  closeLater(room: string): void;
  close(): void;
}

export function createRoomCloser(options: {
  roomService: Partial<Pick<RoomService, 'deleteRoom'>>;
  /** Whether the room may still be closed when the delay is over (ended, and no host in it). */
  stillOver(room: string): Promise<boolean>;
  delayMs: number;
  onError: ((error: unknown) => void) | undefined;
}): RoomCloser {
  const { roomService, stillOver, delayMs } = options;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    closeLater(room) {
      const deleteRoom = roomService.deleteRoom;
      if (!deleteRoom || timers.has(room)) return;
      const timer = setTimeout(() => {
        timers.delete(room);
        void (async () => {
          if (await stillOver(room)) await deleteRoom(room);
        })().catch((error: unknown) => options.onError?.(error));
      }, delayMs);
      // Never keeps a process alive on its own.
      (timer as { unref?: () => void }).unref?.();
      timers.set(room, timer);
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
