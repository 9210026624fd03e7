import { expect, test } from 'vitest';
import { ShowActionError } from '../store/show-action-error';
import { createShowServerClient } from './server-client';

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fake: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    return new Response(JSON.stringify(body), { status, headers });
  };
  return { calls, client: createShowServerClient({ room: 'spring drop', fetch: fake }) };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ShowActionError)) throw new Error('expected a ShowActionError');
  return error;
};

test('posts chat as JSON to the show’s route and returns the stored message', async () => {
  const message = {
    id: 'm-1',
    seq: 1,
    text: 'hi',
    sentAt: 5,
    from: { person: 'p'.repeat(22), name: 'Ana', role: 'viewer' },
  };
  const { calls, client } = answering(201, { message });
  expect(await client.sendChat('hi', 'm-1')).toEqual(message);
  expect(calls[0]?.url).toBe('/api/shows/spring%20drop/chat');
  expect(calls[0]?.init?.method).toBe('POST');
  expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ text: 'hi', id: 'm-1' });
});

test('refusals become the chat refusals the UI explains', async () => {
  const tooFast = answering(429, { error: { code: 'rate_limited', retryAfterMs: 4200 } });
  expect((await refusal(tooFast.client.sendChat('x', 'id-00000001'))).refusal).toEqual({
    reason: 'rate_limited',
    retryInMs: 4200,
  });
  const muted = answering(403, { error: { code: 'muted' } });
  expect((await refusal(muted.client.sendChat('x', 'id-00000001'))).refusal).toEqual({
    reason: 'muted',
  });
  const down = answering(503, { error: { code: 'storage_unavailable' } });
  expect((await refusal(down.client.sendChat('x', 'id-00000001'))).refusal).toEqual({
    reason: 'unreachable',
  });
  const offline = createShowServerClient({
    room: 'r',
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
  });
  expect((await refusal(offline.react())).refusal).toEqual({ reason: 'unreachable' });
});

test('history keeps only well-formed messages', async () => {
  const { client } = answering(200, {
    messages: [
      { id: 'ok-1', seq: 1, text: 'a', sentAt: 1, from: { person: 'p', name: 'P', role: 'host' } },
      { id: 'bad', seq: 'x' },
    ],
    muted: true,
    viewers: 4,
    mutedPeople: ['q', 5],
  });
  const history = await client.history();
  expect(history.messages.map((m) => m.id)).toEqual(['ok-1']);
  expect(history).toMatchObject({ muted: true, viewers: 4, mutedPeople: ['q'] });
});

test('pins, mutes, deletes and reports go to their routes', async () => {
  const { calls, client } = answering(200, {});
  await client.setPins(['mug']);
  await client.setMuted('p'.repeat(22), true);
  await client.deleteMessage('m-1');
  await client.react();
  await client.report('p.c', {
    v: 1,
    t: 1,
    p: 1,
    bps: 1,
    loss: 0,
    rtt: 1,
    jit: 1,
    fps: 1,
    w: 1,
    h: 1,
    st: 'connected',
  });
  expect(
    calls.map((c) => [
      c.url.replace('/api/shows/spring%20drop', ''),
      JSON.parse(String(c.init?.body)),
    ]),
  ).toEqual([
    ['/pins', { ids: ['mug'] }],
    ['/mutes', { person: 'p'.repeat(22), muted: true }],
    ['/chat/delete', { id: 'm-1' }],
    ['/reactions', {}],
    ['/reports', { identity: 'p.c', report: expect.objectContaining({ v: 1 }) }],
  ]);
});

test('a lost instance behind the load balancer: safe requests are tried again, reactions never', async () => {
  const message = {
    id: 'm-9',
    seq: 9,
    text: 'still here',
    sentAt: 5,
    from: { person: 'p'.repeat(22), name: 'Ana', role: 'viewer' },
  };
  const bodies: unknown[] = [];
  let calls = 0;
  const flaky: typeof fetch = async (_input, init) => {
    calls++;
    bodies.push(init?.body && JSON.parse(String(init.body)));
    if (calls === 1) throw new TypeError('Failed to fetch');
    if (calls === 2) return new Response('Bad Gateway', { status: 502 });
    return new Response(JSON.stringify({ message }), { status: 201 });
  };
  const client = createShowServerClient({ room: 'r', fetch: flaky, retryDelaysMs: [1, 1] });
  expect(await client.sendChat('still here', 'm-9')).toEqual(message);
  expect(calls).toBe(3);
  // The same id each time: the server stores the message once, however often it arrives.
  expect(bodies).toEqual([
    { text: 'still here', id: 'm-9' },
    { text: 'still here', id: 'm-9' },
    { text: 'still here', id: 'm-9' },
  ]);

  let reactions = 0;
  const down: typeof fetch = async () => {
    reactions++;
    return new Response('Bad Gateway', { status: 502 });
  };
  const reacting = createShowServerClient({ room: 'r', fetch: down, retryDelaysMs: [1, 1] });
  expect((await refusal(reacting.react())).refusal).toEqual({ reason: 'unreachable' });
  expect(reactions).toBe(1);

  // A refusal that is an answer (muted, too fast) is not tried again.
  let refused = 0;
  const muted: typeof fetch = async () => {
    refused++;
    return new Response(JSON.stringify({ error: { code: 'muted' } }), { status: 403 });
  };
  const mutedClient = createShowServerClient({ room: 'r', fetch: muted, retryDelaysMs: [1, 1] });
  expect((await refusal(mutedClient.sendChat('x', 'id-00000001'))).refusal).toEqual({
    reason: 'muted',
  });
  expect(refused).toBe(1);
});

test("the host's figures come from the show's analytics route; a viewer's ask is refused", async () => {
  const body = { viewersNow: 3, peakConcurrency: 5, hearts: 7 };
  const { calls, client } = answering(200, body);
  expect(await client.figures?.()).toEqual(body);
  expect(calls[0]?.url).toBe('/api/shows/spring%20drop/analytics');
  expect(calls[0]?.init?.method).toBe('GET');
  const viewer = answering(401, { error: { code: 'unauthorized' } });
  expect((await refusal(viewer.client.figures!())).code).toBe('forbidden');
});
