import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { bindingRequest, isBindingSuccess } from './reachability';
import { preflight, type CertificateFacts, type PreflightOptions } from './preflight';

const NOW = Date.parse('2026-11-30T20:00:00Z');
const DAY = 86_400_000;

/** A deployment that answers as told: LiveKit at /, its room service, the app's health. */
function deployment({
  serviceStatus = 200,
  healthStatus = 200,
  clockOffsetMs = 0,
  webhooks = true,
}: {
  serviceStatus?: number;
  healthStatus?: number;
  clockOffsetMs?: number;
  /** Whether an app answers the probe room's webhook (in its metadata). */
  webhooks?: boolean;
} = {}) {
  const seen: string[] = [];
  const date = new Date(NOW + clockOffsetMs).toUTCString();
  const fake: typeof fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    seen.push(url.pathname);
    if (url.pathname.startsWith('/twirp/') && serviceStatus === 200) {
      const method = url.pathname.split('/').pop();
      if (method === 'ListRooms') {
        const body = JSON.parse(String(init?.body)) as { names: string[] };
        const metadata = webhooks ? '{"webhook":"received","lagMs":12}' : '';
        return Response.json({ rooms: body.names.map((name) => ({ name, metadata })) });
      }
      if (method !== 'ListParticipants') return Response.json({});
    }
    if (url.pathname.startsWith('/twirp/')) {
      return new Response(
        serviceStatus === 200 ? '{"participants":[]}' : '{"code":"unauthenticated"}',
        { status: serviceStatus },
      );
    }
    if (url.pathname === '/api/health')
      return new Response('ok', { status: healthStatus, headers: { date } });
    return new Response('OK', { status: 200, headers: { date } });
  };
  return { fake, seen };
}

const certificate =
  (facts: Partial<CertificateFacts> = {}) =>
  async () => ({
    trusted: true,
    validFrom: new Date(NOW - 30 * DAY),
    validTo: new Date(NOW + 60 * DAY),
    ...facts,
  });

const run = (options: Partial<PreflightOptions>) =>
  preflight({
    livekitUrl: 'wss://live.example.com',
    apiKey: 'APIkey',
    apiSecret: 'a-secret-that-is-long-enough-for-livekit!',
    appUrl: 'https://shop.example.com',
    now: () => NOW,
    fetch: deployment().fake,
    peerCertificate: certificate(),
    ...options,
  });

const verdicts = (checks: Awaited<ReturnType<typeof preflight>>) =>
  Object.fromEntries(checks.map((c) => [c.name, c.ok]));

test('a deployment that works: every check passes, and says what it saw', async () => {
  const checks = await run({});
  expect(verdicts(checks)).toEqual({
    'LiveKit over TLS': true,
    'LiveKit answers': true,
    'API key and secret': true,
    Webhooks: true,
    'App health': true,
    Clocks: true,
  });
  expect(checks[0]?.detail).toContain('valid for 60 days more');
  expect(checks.find((c) => c.name === 'Webhooks')?.detail).toContain('12 ms after');
});

test('each problem fails its own check with what to do', async () => {
  expect(verdicts(await run({ livekitUrl: 'ws://live.example.com' }))['LiveKit over TLS']).toBe(
    false,
  );
  const untrusted = await run({
    peerCertificate: certificate({ trusted: false, problem: 'SELF_SIGNED_CERT_IN_CHAIN' }),
  });
  expect(untrusted[0]).toMatchObject({ ok: false, detail: expect.stringContaining('not trusted') });
  const expiring = await run({
    peerCertificate: certificate({ validTo: new Date(NOW + 3 * DAY) }),
  });
  expect(expiring[0]).toMatchObject({
    ok: false,
    detail: expect.stringContaining('expires in 3 days'),
  });

  const wrongKey = await run({ fetch: deployment({ serviceStatus: 401 }).fake });
  expect(wrongKey.find((c) => c.name === 'API key and secret')).toMatchObject({
    ok: false,
    detail: expect.stringContaining('refused key APIkey'),
  });
  const deaf = await run({ fetch: deployment({ webhooks: false }).fake, webhookTimeoutMs: 600 });
  expect(deaf.find((c) => c.name === 'Webhooks')).toMatchObject({
    ok: false,
    detail: expect.stringContaining('webhook.urls'),
  });
  const sick = await run({ fetch: deployment({ healthStatus: 503 }).fake });
  expect(verdicts(sick)['App health']).toBe(false);
  const plain = await run({ appUrl: 'http://shop.example.com' });
  expect(verdicts(plain)['App health']).toBe(false);
  const late = await run({ fetch: deployment({ clockOffsetMs: -120_000 }).fake });
  expect(late.find((c) => c.name === 'Clocks')).toMatchObject({
    ok: false,
    detail: expect.stringContaining('120 s off'),
  });
});

test('no secret in any verdict', async () => {
  const checks = await run({ fetch: deployment({ serviceStatus: 401 }).fake });
  expect(JSON.stringify(checks)).not.toContain('a-secret-that-is-long-enough-for-livekit!');
});

test('the TCP and TURN fallbacks: answered, refused, or not an address', async () => {
  const tcp = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const tcpPort = (tcp.address() as AddressInfo).port;
  // A STUN server of a few lines: a Binding success for each request, same transaction.
  const stun = createSocket('udp4');
  stun.on('message', (request, from) => {
    const reply = Buffer.from(request);
    reply.writeUInt16BE(0x0101, 0);
    stun.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => stun.bind(0, '127.0.0.1', resolve));
  const stunPort = stun.address().port;
  try {
    const good = await run({ tcp: `127.0.0.1:${tcpPort}`, turn: `127.0.0.1:${stunPort}` });
    expect(verdicts(good)).toMatchObject({ 'TCP fallback': true, TURN: true });
    expect(good.find((c) => c.name === 'TURN')?.detail).toContain('answers STUN over UDP');

    const closed = await run({ tcp: '127.0.0.1:1', turn: 'nonsense' });
    expect(closed.find((c) => c.name === 'TCP fallback')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('ECONNREFUSED'),
    });
    expect(closed.find((c) => c.name === 'TURN')).toMatchObject({
      ok: false,
      detail: 'nonsense is not host:port.',
    });
  } finally {
    tcp.close();
    stun.close();
  }
});

test('a STUN reply only counts for its own transaction', () => {
  const transaction = new Uint8Array(12).fill(7);
  const request = bindingRequest(transaction);
  expect(request.byteLength).toBe(20);
  const reply = request.slice();
  new DataView(reply.buffer).setUint16(0, 0x0101);
  expect(isBindingSuccess(reply, transaction)).toBe(true);
  expect(isBindingSuccess(reply, new Uint8Array(12).fill(8))).toBe(false);
  expect(isBindingSuccess(request, transaction)).toBe(false);
});
