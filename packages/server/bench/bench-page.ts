// The benchmark's browser side: many data-only LiveKit rooms in one page (viewers that decode no
// video), one optional peer sender, and a record of when each chat message reached each viewer.
import { Room, RoomEvent } from 'livekit-client';

interface Receipt {
  viewer: number;
  id: string;
  at: number;
}

const rooms: Room[] = [];
let receipts: Receipt[] = [];
let packets: number[] = [];
const decoder = new TextDecoder();

function record(viewer: number, payload: Uint8Array, topic: string | undefined) {
  packets[viewer] = (packets[viewer] ?? 0) + 1;
  const at = Date.now();
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(payload));
  } catch {
    return;
  }
  const ids: string[] = [];
  if (topic === 'show.chat') ids.push((value as { id: string }).id);
  else if (topic === 'show.events') {
    for (const event of (value as { events: Array<{ type: string; id: string }> }).events) {
      if (event.type === 'chat') ids.push(event.id);
    }
  }
  for (const id of ids) receipts.push({ viewer, id, at });
}

const bench = {
  /** Joins one room per token; the last one may be the peer sender. */
  async join(url: string, tokens: string[]) {
    await Promise.all(
      tokens.map(async (token, viewer) => {
        const room = new Room({ adaptiveStream: false, dynacast: false });
        room.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => record(viewer, payload, topic));
        await room.connect(url, token, { autoSubscribe: false });
        rooms[viewer] = room;
      }),
    );
    return rooms.length;
  },
  reset() {
    receipts = [];
    packets = [];
  },
  /** Publishes `count` chat packets from room `sender` at `rate` per second; returns send times. */
  async sendPeer(sender: number, rate: number, count: number, prefix: string) {
    const room = rooms[sender];
    if (!room) throw new Error('no sender room');
    const sent: Array<{ id: string; at: number; ok: boolean }> = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const id = `${prefix}-${i}`;
      const body = JSON.stringify({
        v: 1,
        type: 'chat',
        id,
        text: `message ${i}`,
        sentAt: Date.now(),
      });
      const at = Date.now();
      const ok = await room.localParticipant
        .publishData(new TextEncoder().encode(body), { topic: 'show.chat', reliable: true })
        .then(
          () => true,
          () => false,
        );
      sent.push({ id, at, ok });
    }
    return sent;
  },
  results() {
    return { receipts, packets: [...packets] };
  },
  async leave() {
    await Promise.all(rooms.map((room) => room.disconnect()));
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
