import { describe, expect, test } from 'vitest';
import { createHeldMessages } from './held-messages';

describe('createHeldMessages', () => {
  test('releases a sender’s messages in order, once', () => {
    const held = createHeldMessages<string>();
    held.hold('ana', 'hello');
    held.hold('ben', 'hi');
    held.hold('ana', 'anyone?');
    expect(held.release('ana')).toEqual(['hello', 'anyone?']);
    expect(held.release('ana')).toEqual([]);
    expect(held.release('ben')).toEqual(['hi']);
    expect(held.size).toBe(0);
  });

  test('is bounded: messages per sender, senders, and age', () => {
    let t = 0;
    const held = createHeldMessages<number>({
      maxSenders: 3,
      maxPerSender: 2,
      maxAgeMs: 1000,
      now: () => t,
    });
    for (let i = 0; i < 5; i++) held.hold('flood', i);
    expect(held.release('flood')).toEqual([0, 1]);

    for (const who of ['a', 'b', 'c', 'd']) held.hold(who, 1);
    expect(held.size).toBe(3);
    expect(held.release('a')).toEqual([]);

    t = 900;
    held.hold('e', 1);
    t = 1500;
    // b, c and d are older than a second: gone when anything else is held, and never released.
    expect(held.release('b')).toEqual([]);
    held.hold('f', 1);
    expect(held.size).toBe(2);
    expect(held.release('e')).toEqual([1]);
  });
});
