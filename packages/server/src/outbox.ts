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
  now?(): number;
}

export interface OutboxStats {
  packets: number;
  events: number;
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
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The packets in flight, in order. */
  sending: Promise<void>;
}

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
  const { send, intervalMs = 200, maxPacketBytes = 14_000, onError } = options;
  const now = options.now ?? Date.now;
  const rooms = new Map<string, RoomQueue>();
  const totals: OutboxStats = { packets: 0, events: 0 };
  let closed = false;

  function flushRoom(room: string, queue: RoomQueue): void {
    if (queue.timer !== undefined) clearTimeout(queue.timer);
    queue.timer = undefined;
    const events = queue.events;
    if (events.length === 0) return;
    queue.events = [];
    queue.lastSentAt = now();
    for (const batch of packets(events, maxPacketBytes)) {
      totals.packets++;
      totals.events += batch.length;
      queue.sending = queue.sending
        .then(() => send(room, encodePacket(batch)))
        .catch((error: unknown) => onError?.(error));
    }
  }

  return {
    push(room, event) {
      if (closed) return;
      let queue = rooms.get(room);
      if (!queue) {
        queue = { events: [], lastSentAt: -Infinity, timer: undefined, sending: Promise.resolve() };
        rooms.set(room, queue);
      }
      enqueue(queue.events, event);
      if (queue.timer !== undefined) return;
      const wait = queue.lastSentAt + intervalMs - now();
      if (wait <= 0) {
        flushRoom(room, queue);
        return;
      }
      const target = queue;
      queue.timer = setTimeout(() => flushRoom(room, target), wait);
      // A library's timer must not keep a process alive.
      (queue.timer as { unref?: () => void }).unref?.();
    },
    async flush() {
      for (const [room, queue] of rooms) flushRoom(room, queue);
      await Promise.all([...rooms.values()].map((q) => q.sending));
    },
    stats: () => ({ ...totals }),
    async close() {
      await this.flush();
      closed = true;
      rooms.clear();
    },
  };
}
