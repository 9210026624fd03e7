import { describe, expect, test } from 'vitest';
import { mergeBySeq, type ChatMessage } from './chat';
import { decodeServerPacket, parseChatMessage, personOfIdentity } from './server-protocol';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const chat = {
  type: 'chat',
  id: 'm-1',
  seq: 7,
  text: 'Is it silk?',
  sentAt: 1_780_000_000_000,
  from: { person: 'a'.repeat(22), name: 'Ana', role: 'viewer' },
};

describe('decodeServerPacket', () => {
  test('reads every known event and skips unknown ones', () => {
    const events = decodeServerPacket(
      encode({
        v: 1,
        events: [
          chat,
          { type: 'chat.delete', id: 'm-0' },
          { type: 'reactions', count: 12 },
          { type: 'viewers', count: 3 },
          { type: 'mute', person: 'b'.repeat(22), muted: true },
          { type: 'fleet', summary: { reports: 1 } },
          { type: 'future-thing', x: 1 },
        ],
      }),
    );
    expect(events.map((e) => e.type)).toEqual([
      'chat',
      'chat.delete',
      'reactions',
      'viewers',
      'mute',
      'fleet',
    ]);
    expect(events[0]).toEqual(chat);
  });

  test('drops malformed packets and events, never throws', () => {
    const bad = [
      new Uint8Array([0xff, 0xfe]),
      encode({ v: 2, events: [chat] }),
      encode({ v: 1, events: 'chat' }),
      encode(null),
    ];
    for (const payload of bad) expect(decodeServerPacket(payload)).toEqual([]);
    const events = decodeServerPacket(
      encode({
        v: 1,
        events: [
          { ...chat, seq: -1 },
          { ...chat, text: '' },
          { ...chat, from: { person: 'x y', name: 'A', role: 'viewer' } },
          { ...chat, from: { ...chat.from, role: 'admin' } },
          { type: 'reactions', count: 1.5 },
          { type: 'mute', person: 'p', muted: 'yes' },
        ],
      }),
    );
    // Only the message with an unknown role survives, as a viewer's.
    expect(events).toEqual([{ ...chat, from: { ...chat.from, role: 'viewer' } }]);
  });

  test('a chat message is parsed alone too (history)', () => {
    const { type: _type, ...message } = chat;
    expect(parseChatMessage(message)).toEqual(message);
    expect(parseChatMessage({ ...message, id: '../x' })).toBeUndefined();
  });
});

test('personOfIdentity takes the person of a connection identity', () => {
  expect(personOfIdentity(`${'a'.repeat(22)}.bbbbbbbbbbb`)).toBe('a'.repeat(22));
  expect(personOfIdentity('host')).toBe('host');
});

describe('mergeBySeq', () => {
  const message = (id: string, seq: number, local = false): ChatMessage => ({
    id,
    seq,
    text: id,
    sentAt: seq,
    from: { identity: 'p', name: 'P', role: 'viewer' },
    local,
  });

  test('history and live messages merge in the server order, once each', () => {
    const live = [message('c', 3), message('e', 5)];
    const history = [message('a', 1), message('b', 2), message('c', 3), message('d', 4)];
    const merged = mergeBySeq(live, history, 100);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mergeBySeq(merged, history, 100)).toBe(merged);
  });

  test('keeps the newest, and remembers that a message was sent from this page', () => {
    const sent = [message('a', 1, true)];
    const merged = mergeBySeq(sent, [message('a', 1), message('b', 2), message('c', 3)], 2);
    expect(merged.map((m) => m.id)).toEqual(['b', 'c']);
    expect(mergeBySeq(sent, [message('a', 1)], 5)).toBe(sent);
  });
});
