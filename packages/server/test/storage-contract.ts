// One contract for every storage backend: the same tests run on SQLite and memory (unit layer)
// and on PostgreSQL and Redis (live layer, real servers).
import { describe, expect, test } from 'vitest';
import type { HotStore, NewChatMessage, ShowDatabase } from '../src/index';

let counter = 0;
/** A room name of its own per test, so backends shared across tests need no cleanup. */
export const freshRoom = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

const message_ = (room: string, n: number, person = 'p'.repeat(22)): NewChatMessage => ({
  id: `message-${n}`,
  room,
  person,
  name: `Name ${n}`,
  role: 'viewer',
  text: `hello ${n} ✓`,
  sentAt: 1_780_000_000_000 + n,
});

export function databaseContract(name: string, open: () => Promise<ShowDatabase>) {
  describe(`${name}: durable records`, () => {
    test('chat keeps order, ignores a repeated id, and hides deleted messages', async () => {
      const db = await open();
      const room = freshRoom('chat');
      const other = freshRoom('other');
      const first = await db.chat.append(message_(room, 1));
      expect(first.created).toBe(true);
      expect(first.message).toMatchObject({
        id: 'message-1',
        text: 'hello 1 ✓',
        sentAt: 1_780_000_000_001,
      });
      await db.chat.append(message_(other, 2));
      await db.chat.append(message_(room, 3));
      const again = await db.chat.append({ ...message_(room, 1), text: 'changed' });
      expect(again).toEqual({ message: first.message, created: false });
      await db.chat.append(message_(room, 4));

      const all = await db.chat.recent(room, 10);
      expect(all.map((m) => m.id)).toEqual(['message-1', 'message-3', 'message-4']);
      expect(all.map((m) => m.seq)).toEqual([...all.map((m) => m.seq)].sort((a, b) => a - b));
      expect(await db.chat.recent(room, 2)).toEqual(all.slice(1));

      expect(await db.chat.remove(room, 'message-3', 'mod', 5)).toBe(true);
      expect(await db.chat.remove(room, 'message-3', 'mod', 6)).toBe(false);
      expect(await db.chat.remove(other, 'message-3', 'mod', 6)).toBe(false);
      expect((await db.chat.recent(room, 10)).map((m) => m.id)).toEqual(['message-1', 'message-4']);
      expect((await db.chat.recent(other, 10)).map((m) => m.id)).toEqual(['message-2']);
      // A replay asks by time: sent 1 … 4 ms after the fixture's epoch; 3 is deleted.
      const sent = (from: number, to: number, limit = 10) =>
        db.chat.between(room, 1_780_000_000_000 + from, 1_780_000_000_000 + to, limit);
      expect((await sent(1, 4)).map((m) => m.id)).toEqual(['message-1', 'message-4']);
      expect((await sent(2, 4)).map((m) => m.id)).toEqual(['message-4']);
      expect((await sent(1, 4, 1)).map((m) => m.id)).toEqual(['message-1']);
      expect(await sent(5, 9)).toEqual([]);
    });

    test('mutes are per show and per person, and undone', async () => {
      const db = await open();
      const room = freshRoom('mutes');
      const [a, b] = ['a'.repeat(22), 'b'.repeat(22)];
      await db.mutes.set(room, a, true, 'mod', 1);
      await db.mutes.set(room, a, true, 'mod', 2);
      await db.mutes.set(room, b, true, 'mod', 3);
      expect(await db.mutes.isMuted(room, a)).toBe(true);
      expect(await db.mutes.isMuted(freshRoom('elsewhere'), a)).toBe(false);
      expect(await db.mutes.list(room)).toEqual([a, b]);
      await db.mutes.set(room, a, false, 'mod', 4);
      expect(await db.mutes.isMuted(room, a)).toBe(false);
      expect(await db.mutes.list(room)).toEqual([b]);
    });

    test('the show log keeps status, peak and events in order', async () => {
      const db = await open();
      const room = freshRoom('show');
      expect(await db.shows.show(room)).toEqual({
        room,
        status: 'upcoming',
        peakViewers: 0,
        updatedAt: null,
      });
      await db.shows.setStatus(room, 'live', 1_780_000_000_000);
      await db.shows.raisePeak(room, 3, 1_780_000_000_001);
      await db.shows.raisePeak(room, 2, 1_780_000_000_002);
      expect(await db.shows.show(room)).toEqual({
        room,
        status: 'live',
        peakViewers: 3,
        updatedAt: 1_780_000_000_001,
      });
      await db.shows.record({ room, kind: 'join', person: 'a'.repeat(22), at: 1 });
      await db.shows.record({ room, kind: 'status', detail: 'ended', at: 2 });
      expect(await db.shows.entries(room)).toEqual([
        { room, kind: 'join', person: 'a'.repeat(22), at: 1 },
        { room, kind: 'status', detail: 'ended', at: 2 },
      ]);
      await db.shows.record({ room, kind: 'pin', detail: '["a"]', at: 3 });
      await db.shows.record({ room, kind: 'status', detail: 'live', at: 4 });
      await db.shows.record({ room, kind: 'pin', detail: '["b"]', at: 5 });
      expect(await db.shows.latest(room, 'pin')).toEqual({
        room,
        kind: 'pin',
        detail: '["b"]',
        at: 5,
      });
      expect((await db.shows.latest(room, 'status', 'ended'))?.at).toBe(2);
      const query = { from: 2, to: 5, kinds: ['pin', 'status'] as const, limit: 10 };
      expect(
        (await db.shows.between(room, { ...query, kinds: [...query.kinds] })).map((e) => e.at),
      ).toEqual([2, 3, 4, 5]);
      expect(
        (await db.shows.between(room, { ...query, kinds: ['pin'], from: 4 })).map((e) => e.detail),
      ).toEqual(['["b"]']);
      expect(await db.shows.between(room, { ...query, kinds: [] })).toEqual([]);
      expect(await db.shows.latest(room, 'mute')).toBeUndefined();
    });
  });
}

export function hotStoreContract(name: string, open: () => Promise<HotStore>) {
  describe(`${name}: hot shared state`, () => {
    test('a limiter allows its points per window, per key, and says when to retry', async () => {
      const hot = await open();
      const limiter = hot.limiter(freshRoom('limit'), { points: 3, durationMs: 10_000 });
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await limiter.take('a'));
      expect(decisions.slice(0, 3)).toEqual([
        { allowed: true },
        { allowed: true },
        { allowed: true },
      ]);
      const refused = decisions[3];
      expect(refused?.allowed).toBe(false);
      if (refused && !refused.allowed) {
        expect(refused.retryAfterMs).toBeGreaterThan(8_000);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
      }
      expect(await limiter.take('b')).toEqual({ allowed: true });
    });

    test('firstTime is true once per key, until forgotten', async () => {
      const hot = await open();
      const key = freshRoom('event');
      expect(await hot.firstTime(key, 60_000)).toBe(true);
      expect(await hot.firstTime(key, 60_000)).toBe(false);
      expect(await hot.firstTime(`${key}-2`, 60_000)).toBe(true);
      await hot.forget(key);
      expect(await hot.firstTime(key, 60_000)).toBe(true);
    });

    test('presence counts people, not their connections', async () => {
      const hot = await open();
      const room = freshRoom('presence');
      const [a, b] = ['a'.repeat(22), 'b'.repeat(22)];
      expect(await hot.presence.join(room, a, `${a}.tab-one0001`)).toBe(1);
      expect(await hot.presence.join(room, a, `${a}.tab-two0002`)).toBe(1);
      expect(await hot.presence.join(room, a, `${a}.tab-two0002`)).toBe(1);
      expect(await hot.presence.join(room, b, `${b}.tab-one0001`)).toBe(2);
      expect((await hot.presence.connections(room, a)).sort()).toEqual([
        `${a}.tab-one0001`,
        `${a}.tab-two0002`,
      ]);
      expect(await hot.presence.leave(room, a, `${a}.tab-one0001`)).toBe(2);
      expect(await hot.presence.leave(room, a, `${a}.tab-two0002`)).toBe(1);
      expect(await hot.presence.leave(room, a, `${a}.tab-two0002`)).toBe(1);
      expect(await hot.presence.count(room)).toBe(1);
      expect(await hot.presence.people(room)).toEqual([b]);
      await hot.presence.clear(room);
      expect(await hot.presence.count(room)).toBe(0);
      expect(await hot.presence.connections(room, b)).toEqual([]);
    });
  });
}

/** `open` connects to the same storage every time: what one connection stored, the next one reads. */
export function restartContract(name: string, open: () => Promise<ShowDatabase>) {
  test(`${name}: what was acknowledged survives a restart`, async () => {
    const room = freshRoom('restart');
    const before = await open();
    const { message } = await before.chat.append(message_(room, 1));
    await before.mutes.set(room, 'm'.repeat(22), true, 'mod', 1);
    await before.shows.setStatus(room, 'live', 2);
    await before.close();

    const after = await open();
    try {
      expect(await after.chat.recent(room, 10)).toEqual([message]);
      expect(await after.mutes.isMuted(room, 'm'.repeat(22))).toBe(true);
      expect((await after.shows.show(room)).status).toBe('live');
      // The order carries on after the restart.
      const next = await after.chat.append(message_(room, 2));
      expect(next.message.seq).toBeGreaterThan(message.seq);
    } finally {
      await after.close();
    }
  });
}
