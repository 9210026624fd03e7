import { afterEach, expect, test, vi } from 'vitest';
import { createOutbox, packets } from './outbox';
import type { OutboxPacket } from './outbox';
import type { ServerEvent } from './wire';

const chat = (n: number): ServerEvent => ({
  type: 'chat',
  id: `id-${n}`,
  seq: n,
  text: 'x'.repeat(100),
  sentAt: n,
  from: { person: 'p'.repeat(22), name: 'Ana', role: 'viewer' },
});

function recording(intervalMs: number) {
  const sent: Array<{ room: string; at: number; events: ServerEvent[] }> = [];
  const outbox = createOutbox({
    intervalMs,
    async send(room, data) {
      const { events } = JSON.parse(new TextDecoder().decode(data)) as { events: ServerEvent[] };
      sent.push({ room, at: Date.now(), events });
    },
  });
  return { sent, outbox };
}

test('the first event after a quiet spell goes at once; a burst waits for one slot', async () => {
  const { sent, outbox } = recording(100);
  outbox.push('a', chat(1));
  await Promise.resolve();
  await Promise.resolve();
  expect(sent).toHaveLength(1);
  for (let i = 2; i <= 50; i++) outbox.push('a', chat(i));
  outbox.push('b', chat(99)); // another room has its own slot
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(sent.map((p) => [p.room, p.events.length])).toEqual([
    ['a', 1],
    ['b', 1],
    ['a', 49],
  ]);
  const seqs = sent
    .filter((p) => p.room === 'a')
    .flatMap((p) => p.events.map((e) => 'seq' in e && e.seq));
  expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  await outbox.close();
});

test('packets per room stay near one per interval whatever the rate', async () => {
  const { sent, outbox } = recording(100);
  const started = Date.now();
  // 200 messages a second for one second.
  for (let i = 0; i < 200; i++) {
    outbox.push('a', chat(i));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await outbox.flush();
  const seconds = (Date.now() - started) / 1000;
  expect(sent.flatMap((p) => p.events)).toHaveLength(200);
  // One slot every 100 ms (plus the first packet at once and the final flush).
  expect(sent.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
  await outbox.close();
});

test('counts are folded: the latest viewer count, the sum of reactions', () => {
  const { sent, outbox } = recording(1000);
  outbox.push('a', { type: 'viewers', count: 1 });
  outbox.push('a', { type: 'reactions', count: 1 });
  outbox.push('a', { type: 'viewers', count: 2 });
  outbox.push('a', { type: 'reactions', count: 1 });
  outbox.push('a', { type: 'viewers', count: 3 });
  return outbox.flush().then(() => {
    expect(sent.flatMap((p) => p.events)).toEqual([
      { type: 'viewers', count: 1 },
      { type: 'reactions', count: 2 },
      { type: 'viewers', count: 3 },
    ]);
  });
});

test('large batches are split below the packet size, in order', () => {
  const events = Array.from({ length: 300 }, (_, i) => chat(i));
  const split = packets(events, 14_000);
  expect(split.length).toBeGreaterThan(1);
  for (const packet of split) {
    expect(
      new TextEncoder().encode(JSON.stringify({ v: 1, events: packet })).byteLength,
    ).toBeLessThanOrEqual(14_000);
  }
  expect(split.flat()).toEqual(events);
});

test('a failed send is reported and does not stop later packets', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const outbox = createOutbox({
    intervalMs: 10,
    async send() {
      calls++;
      if (calls === 1) throw new Error('LiveKit down');
    },
    onError: (error) => errors.push(error),
  });
  outbox.push('a', chat(1));
  await outbox.flush();
  await new Promise((resolve) => setTimeout(resolve, 20));
  outbox.push('a', chat(2));
  await outbox.flush();
  expect(calls).toBe(2);
  expect(errors).toHaveLength(1);
});

test('while LiveKit has not taken a packet, the next events wait and go together', async () => {
  let release: () => void = () => {};
  const sent: ServerEvent[][] = [];
  const outbox = createOutbox({
    intervalMs: 10,
    send: (_room, data) => {
      sent.push((JSON.parse(new TextDecoder().decode(data)) as { events: ServerEvent[] }).events);
      return sent.length === 1
        ? new Promise<void>((resolve) => (release = resolve))
        : Promise.resolve();
    },
  });
  outbox.push('a', chat(1));
  for (let i = 2; i <= 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    outbox.push('a', chat(i));
  }
  expect(sent).toHaveLength(1);
  release();
  await outbox.flush();
  expect(sent.map((events) => events.length)).toEqual([1, 3]);
  await outbox.close();
});

afterEach(() => {
  vi.useRealTimers();
});

test('once LiveKit has taken a slow packet, what waited goes at once if its slot has passed', async () => {
  vi.useFakeTimers();
  let release: () => void = () => {};
  const sentAt: number[] = [];
  const outbox = createOutbox({
    intervalMs: 1000,
    send: () => {
      sentAt.push(Date.now());
      return sentAt.length === 1
        ? new Promise<void>((resolve) => (release = resolve))
        : Promise.resolve();
    },
  });
  const start = Date.now();
  outbox.push('a', chat(1));
  outbox.push('a', chat(2));
  // The slot comes at 1000 ms while LiveKit still holds the first packet; it takes it at 1200.
  await vi.advanceTimersByTimeAsync(1200);
  expect(sentAt).toHaveLength(1);
  release();
  await vi.advanceTimersByTimeAsync(1);
  expect(sentAt.map((at) => at - start)).toEqual([0, 1200]);
  await outbox.close();
});

test('each packet reports how long its oldest event waited and how long LiveKit took', async () => {
  vi.useFakeTimers();
  const reported: OutboxPacket[] = [];
  let calls = 0;
  const outbox = createOutbox({
    intervalMs: 100,
    async send() {
      calls++;
      vi.setSystemTime(Date.now() + 7); // SendData takes 7 ms
      if (calls === 3) throw new Error('LiveKit down');
    },
    onPacket: (packet) => reported.push(packet),
  });
  outbox.push('a', chat(1)); // goes at once
  await vi.advanceTimersByTimeAsync(30);
  outbox.push('a', chat(2)); // waits for the slot at 100 ms (from 37)
  await vi.advanceTimersByTimeAsync(30);
  outbox.push('a', chat(3));
  await vi.advanceTimersByTimeAsync(100);
  outbox.push('a', chat(4)); // the slot has passed: at once, and LiveKit refuses it
  await outbox.flush();
  expect(reported).toEqual([
    { room: 'a', events: 1, waitedMs: 0, sendMs: 7, ok: true },
    { room: 'a', events: 2, waitedMs: 63, sendMs: 7, ok: true },
    { room: 'a', events: 1, waitedMs: 0, sendMs: 7, ok: false },
  ]);
  await outbox.close();
});
