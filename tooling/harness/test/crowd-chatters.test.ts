import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createChatter } from '../src/chatter-core.mjs';
import { personFetch } from '../src/crowd-chatters.mjs';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('a chatter', () => {
  test('keeps the chat the server delivers, and ignores what participants send', () => {
    const chatter = createChatter(async () => new Response(null, { status: 201 }));
    const fromServer = encode({
      events: [
        { type: 'chat', id: 'm1', text: 'c1#0@10', seq: 1, sentAt: 20 },
        { type: 'reactions', count: 3 },
        { type: 'viewers', count: 9 },
      ],
    });
    chatter.onData(fromServer, undefined, 'show.events');
    chatter.onData(fromServer, { identity: 'someone' }, 'show.events');
    chatter.onData(fromServer, undefined, 'another.topic');
    const { delivered, reactions } = chatter.results();
    expect(delivered).toEqual([
      { id: 'm1', text: 'c1#0@10', seq: 1, sentAt: 20, at: expect.any(Number) },
    ]);
    expect(reactions).toBe(3);
  });

  test('posts its count of messages at its pace, each with its answer and the server timing', async () => {
    vi.useFakeTimers();
    try {
      const request = vi.fn(
        async () =>
          new Response('{}', {
            status: 201,
            headers: { 'server-timing': 'store;dur=2.5, total;dur=7' },
          }),
      );
      const chatter = createChatter(request);
      chatter.startChatting('show-1', 'c4', 1000, 3);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(request).toHaveBeenCalledTimes(3);
      expect(request.mock.calls[0]).toEqual([
        '/api/shows/show-1/chat',
        expect.objectContaining({ method: 'POST' }),
      ]);
      const { sent } = chatter.results();
      expect(sent.map((s) => s.text.split('@')[0])).toEqual(['c4#0', 'c4#1', 'c4#2']);
      expect(sent[0]).toMatchObject({ status: 201, serverMs: 7, storeMs: 2.5 });
    } finally {
      vi.useRealTimers();
    }
  });

  test('an unanswered post is recorded as status 0, not dropped', async () => {
    vi.useFakeTimers();
    try {
      const chatter = createChatter(async () => {
        throw new TypeError('fetch failed');
      });
      chatter.startChatting('show-1', 'c1', 500, 1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(chatter.results().sent).toMatchObject([{ status: 0 }]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('personFetch', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/sign-in') {
        response.setHeader('set-cookie', [
          'person=p-1; Path=/; HttpOnly; SameSite=Lax',
          'theme=dark; Path=/',
        ]);
      }
      if (request.url === '/sign-out') response.setHeader('set-cookie', 'theme=; Max-Age=0');
      response.end(request.headers.cookie ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('each person keeps the cookies it was given, and sends them back', async () => {
    const alice = personFetch(base);
    const bob = personFetch(base);
    expect(await (await alice('/')).text()).toBe('');
    await alice('/sign-in');
    expect(await (await alice('/')).text()).toBe('person=p-1; theme=dark');
    expect(await (await bob('/')).text()).toBe('');
    await alice('/sign-out');
    expect(await (await alice('/')).text()).toBe('person=p-1');
  });
});
