// The node:crypto path against the default WebCrypto + jose path: same tokens, same refusals.
import { afterEach, expect, test, vi } from 'vitest';
import { API_KEY, API_SECRET, verificationCases } from '../test/jwt-cases';
import * as web from './index';
import * as node from './node';

afterEach(() => vi.useRealTimers());

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return web.isTokenError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

test('both paths sign byte-identical tokens for the same inputs and clock', async () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 24, 18, 0, 0), toFake: ['Date'] });
  const options = {
    identity: 'ümlaut-ünïcode-😀',
    room: 'spring.drop_2026-11',
    role: 'host',
    name: 'Zoë 🛍️',
    metadata: '{"a":1}',
    attributes: { avatar: 'https://example.com/a.png' },
    ttlSeconds: 3600,
  } as const;
  const fromWeb = await web
    .createTokenMinter({ apiKey: API_KEY, apiSecret: API_SECRET })
    .mint(options);
  const fromNode = await node
    .createTokenMinter({ apiKey: API_KEY, apiSecret: API_SECRET })
    .mint(options);
  expect(fromNode).toBe(fromWeb);
});

test('both verifiers give every case the same outcome', async () => {
  const verifiers = [web, node].map((entry) =>
    entry.createTokenVerifier({ apiKey: API_KEY, apiSecret: API_SECRET }),
  );
  for (const [name, token, expected] of await verificationCases()) {
    const outcomes = await Promise.all(verifiers.map((v) => outcome(v.verify(token))));
    expect(outcomes, name).toEqual([expected, expected]);
  }
});

test('webhooks signed by either path are received by both, and a changed body is refused', async () => {
  const body = '{"event":"room_started","id":"EV_1","room":{"sid":"RM_1","name":"drop"}}\n';
  const credentials = { apiKey: API_KEY, apiSecret: API_SECRET };
  for (const signing of [web, node]) {
    const authorization = await signing.createWebhookSigner(credentials).sign(body);
    for (const receiving of [web, node]) {
      const receiver = receiving.createWebhookReceiver(credentials);
      await expect(receiver.receive(body, authorization)).resolves.toMatchObject({
        event: 'room_started',
        id: 'EV_1',
      });
      await expect(outcome(receiver.receive(body.trim(), authorization))).resolves.toBe(
        'body_hash_mismatch',
      );
    }
  }
});
