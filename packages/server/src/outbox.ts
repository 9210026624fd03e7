// Delivers server events to rooms in batches: the first event after a quiet spell goes at once,
// the rest wait for the room's next slot (one every `intervalMs`) and go together, so the packets
// each viewer receives stay bounded however fast the chat runs. Viewer counts and reactions are
// folded (the latest count, the sum of taps) so a busy room sends one of each per slot.
import { encodePacket, eventBytes, type ServerEvent } from './wire';

export interface OutboxOptions {
  send(room: string, data: Uint8Array): Promise<void>;
  /** Least time between two packets to one room; default 200 ms. */
  intervalMs?: number;
  /** Largest packet; default 14,000 bytes: small packets reach slow viewers sooner. */
  maxPacketBytes?: number;
  /** A packet that could not be sent (LiveKit down): the events stay in the durable log. */
  onError?(error: unknown): void;
  /** Each packet handed to LiveKit (or refused): for monitoring where a message's time goes. */
  onPacket?(packet: OutboxPacket): void;
  now?(): number;
}

/** One packet's journey out of the outbox. */
export interface OutboxPacket {
  room: string;
  events: number;
  /** From the arrival of the packet's oldest event to the packet's send. */
  waitedMs: number;
  /** LiveKit's SendData call for this packet. */
  sendMs: number;
  ok: boolean;
}

export interface OutboxStats {
  packets: number;
  events: number;
  /** Events dropped because LiveKit did not keep up (they are still in the history). */
  dropped: number;
}

export interface Outbox {
  push(room: string, event: ServerEvent): void;
  /** Sends what is queued now, and resolves when every packet so far has been handed to LiveKit. */
  flush(): Promise<void>;
  stats(): OutboxStats;
  close(): Promise<void>;
}

interface RoomQueue {
  events: ServerEvent[];
  /** When the oldest event still queued arrived. */
  oldestAt: number;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The packets of the last flush, still being handed to LiveKit: one flush in flight at a time. */
  sending: Promise<void> | undefined;
}

/** Events waiting for one room beyond this are dropped, oldest first (they stay in the history). */
const MAX_QUEUED_EVENTS = 5000;
/** Rooms remembered before idle ones are forgotten. */
const MAX_IDLE_ROOMS = 1000;

/** Folds counts into the queue: one `viewers` (the latest) and one `reactions` (the sum). */
function enqueue(events: ServerEvent[], event: ServerEvent): void {
  if (event.type === 'viewers' || event.type === 'reactions') {
    const index = events.findIndex((e) => e.type === event.type);
    const existing = events[index];
    if (existing) {
      events[index] =
        event.type === 'reactions' && existing.type === 'reactions'
          ? { type: 'reactions', count: existing.count + event.count }
          : event;
      return;
    }
  }
  events.push(event);
}

/** Splits events into packets of at most `maxBytes` (an event larger than that goes alone). */
export function packets(events: ServerEvent[], maxBytes: number): ServerEvent[][] {
  const result: ServerEvent[][] = [];
  let current: ServerEvent[] = [];
  let size = 16; // {"v":1,"events":[]}
  for (const event of events) {
    const bytes = eventBytes(event);
    if (current.length > 0 && size + bytes > maxBytes) {
      result.push(current);
      current = [];
      size = 16;
    }
    current.push(event);
    size += bytes;
  }
  if (current.length > 0) result.push(current);
  return result;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const { send, intervalMs = 200, maxPacketBytes = 14_000, onError, onPacket } = options;
  const now = options.now ?? Date.now;
  const rooms = new Map<string, RoomQueue>();
  const totals: OutboxStats = { packets: 0, events: 0, dropped: 0 };
  let closed = false;

  function schedule(room: string, queue: RoomQueue, wait: number): void {
    if (queue.timer !== undefined) return;
    queue.timer = setTimeout(() => flushRoom(room, queue), Math.max(0, wait));
    // A library's timer must not keep a process alive.
    (queue.timer as { unref?: () => void }).unref?.();
  }

  function flushRoom(room: string, queue: RoomQueue): void {
    if (queue.timer !== undefined) clearTimeout(queue.timer);
    queue.timer = undefined;
    if (queue.events.length === 0) return;
    // LiveKit has not taken the last packets yet: these wait and go together with what follows,
    // as soon as it has (and the room's slot has come).
    if (queue.sending) return;
    const batches = packets(queue.events, maxPacketBytes);
    const oldestAt = queue.oldestAt;
    queue.events = [];
    queue.lastSentAt = now();
    for (const batch of batches) {
      totals.packets++;
      totals.events += batch.length;
    }
    queue.sending = (async () => {
      for (const batch of batches) {
        const sendingAt = now();
        let ok = true;
        try {
          await send(room, encodePacket(batch));
        } catch (error) {
          ok = false;
          onError?.(error);
        }
        const sentAt = now();
        try {
          onPacket?.({
            room,
            events: batch.length,
            waitedMs: sendingAt - oldestAt,
            sendMs: sentAt - sendingAt,
            ok,
          });
        } catch {
          // Monitoring never stops a delivery.
        }
      }
    })().finally(() => {
      queue.sending = undefined;
      if (queue.events.length > 0 && !closed) {
        schedule(room, queue, queue.lastSentAt + intervalMs - now());
      }
    });
  }

  /** Forgets rooms with nothing queued or in flight that have been quiet for a minute. */
  function forgetIdleRooms(): void {
    if (rooms.size <= MAX_IDLE_ROOMS) return;
    const quietSince = now() - 60_000;
    for (const [room, queue] of rooms) {
      if (
        queue.events.length === 0 &&
        !queue.timer &&
        !queue.sending &&
        queue.lastSentAt < quietSince
      )
        rooms.delete(room);
    }
  }

  return {
    push(room, event) {
      if (closed) return;
      let queue = rooms.get(room);
      if (!queue) {
        forgetIdleRooms();
        queue = {
          events: [],
          oldestAt: 0,
          lastSentAt: -Infinity,
          timer: undefined,
          sending: undefined,
        };
        rooms.set(room, queue);
      }
      if (queue.events.length === 0) queue.oldestAt = now();
      enqueue(queue.events, event);
      if (queue.events.length > MAX_QUEUED_EVENTS) {
        totals.dropped += queue.events.length - MAX_QUEUED_EVENTS;
        queue.events.splice(0, queue.events.length - MAX_QUEUED_EVENTS);
      }
      if (queue.timer !== undefined) return;
      const wait = queue.lastSentAt + intervalMs - now();
      if (wait <= 0 && !queue.sending) flushRoom(room, queue);
      else schedule(room, queue, wait);
    },
    async flush() {
      for (;;) {
        const pending = [...rooms].filter(([, q]) => q.events.length > 0 || q.sending);
        if (pending.length === 0) return;
        for (const [room, queue] of pending) if (!queue.sending) flushRoom(room, queue);
        await Promise.all(pending.map(([, q]) => q.sending));
      }
    },
    stats: () => ({ ...totals }),
    async close() {
      await this.flush();
      closed = true;
      for (const queue of rooms.values()) clearTimeout(queue.timer);
      rooms.clear();
    },
  };
}
