import { expect, test } from 'vitest';
import { preflight, type CertificateFacts, type PreflightOptions } from './preflight';

const NOW = Date.parse('2026-11-30T20:00:00Z');
const DAY = 86_400_000;

/** A deployment that answers as told: LiveKit at /, its room service, the app's health. */
function deployment({
  serviceStatus = 200,
  healthStatus = 200,
  clockOffsetMs = 0,
}: { serviceStatus?: number; healthStatus?: number; clockOffsetMs?: number } = {}) {
  const seen: string[] = [];
  const date = new Date(NOW + clockOffsetMs).toUTCString();
  const fake: typeof fetch = async (input) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    seen.push(url.pathname);
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
    'App health': true,
    Clocks: true,
  });
  expect(checks[0]?.detail).toContain('valid for 60 days more');
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
