import { describe, expect, test } from 'vitest';
import { appendMessage, checkDraft, createRateLimiter, type ChatMessage } from './chat';

const message = (id: string): ChatMessage => ({
  id,
  text: id,
  sentAt: 0,
  from: { identity: 'a', name: 'A', role: 'viewer' },
  local: false,
});

describe('chat rules', () => {
  test('drafts are trimmed and checked by characters, not UTF-16 units', () => {
    expect(checkDraft('  hi  ', { maxLength: 5 })).toEqual({ text: 'hi' });
    expect(checkDraft('   ', { maxLength: 5 })).toEqual({ reason: 'empty' });
    expect(checkDraft('😀😀😀😀😀', { maxLength: 5 })).toEqual({ text: '😀😀😀😀😀' });
    expect(checkDraft('abcdef', { maxLength: 5 })).toEqual({ reason: 'too_long', maxLength: 5 });
  });

  test('the rate limit is a sliding window that says how long to wait', () => {
    const limiter = createRateLimiter({ maxMessages: 2, windowMs: 1000 });
    expect(limiter.take(0)).toEqual({ ok: true });
    expect(limiter.take(100)).toEqual({ ok: true });
    expect(limiter.take(400)).toEqual({ ok: false, retryInMs: 600 });
    expect(limiter.take(1000)).toEqual({ ok: true });
    expect(limiter.take(1050)).toEqual({ ok: false, retryInMs: 50 });
  });

  test('messages are kept bounded and a repeated id is ignored', () => {
    let list: readonly ChatMessage[] = [];
    for (const id of ['1', '2', '3', '2', '4']) list = appendMessage(list, message(id), 3);
    expect(list.map((m) => m.id)).toEqual(['2', '3', '4']);
  });
});
