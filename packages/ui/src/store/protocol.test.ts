import { describe, expect, test } from 'vitest';
import {
  decodeHostStatus,
  decodeMessage,
  decodePins,
  decodeRole,
  encodeMessage,
  encodePins,
} from './protocol';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('what travels between pages', () => {
  test('messages round-trip', () => {
    const chat = { type: 'chat', id: 'abc-1', text: 'hello', sentAt: 5 } as const;
    expect(decodeMessage(encodeMessage(chat))).toEqual(chat);
    expect(decodeMessage(encodeMessage({ type: 'chat.delete', id: 'abc-1' }))).toEqual({
      type: 'chat.delete',
      id: 'abc-1',
    });
    expect(decodeMessage(encodeMessage({ type: 'reaction' }))).toEqual({ type: 'reaction' });
  });

  test.each([
    ['not JSON', new TextEncoder().encode('{')],
    ['another version', bytes({ v: 2, type: 'reaction' })],
    ['an unknown type', bytes({ v: 1, type: 'buy' })],
    ['a blank text', bytes({ v: 1, type: 'chat', id: 'a', text: '  ', sentAt: 1 })],
    [
      'a text over the limit',
      bytes({ v: 1, type: 'chat', id: 'a', text: 'x'.repeat(11), sentAt: 1 }),
    ],
    ['an id with odd characters', bytes({ v: 1, type: 'chat.delete', id: '<img>' })],
    ['no timestamp', bytes({ v: 1, type: 'chat', id: 'a', text: 'hi' })],
    ['an oversized payload', new Uint8Array(5000)],
  ])('%s is dropped', (_name, payload) => {
    expect(decodeMessage(payload, 10)).toBeUndefined();
  });

  test('pins, roles and status are read defensively', () => {
    expect(decodePins(encodePins(['a', 'b', 'c', 'd']))).toEqual(['a', 'b', 'c']);
    expect(decodePins('{"a":1}')).toEqual([]);
    expect(decodePins('[1,"x"]')).toEqual(['x']);
    expect(decodePins(undefined)).toEqual([]);
    expect(decodeRole('host')).toBe('host');
    expect(decodeRole('admin')).toBe('viewer');
    expect(decodeHostStatus('live')).toBe('live');
    expect(decodeHostStatus('paused')).toBeUndefined();
  });
});
