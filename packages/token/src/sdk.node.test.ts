// livekit-server-sdk as an independent peer: same claims, and each accepts the other's tokens.
import { AccessToken, TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import { afterEach, expect, test, vi } from 'vitest';
import { API_KEY, API_SECRET } from '../test/jwt-cases';
import * as web from './index';
import * as node from './node';
import { roles } from './roles';

afterEach(() => vi.useRealTimers());

const credentials = { apiKey: API_KEY, apiSecret: API_SECRET };

test.each([
  ['viewer', web],
  ['host', web],
  ['moderator', node],
  ['host', node],
] as const)(
  'a %s token has the claims the SDK writes for the same grants and clock',
  async (role, entry) => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 24, 18, 30, 0), toFake: ['Date'] });
    const options = {
      identity: 'ana-42',
      room: 'spring-drop',
      role,
      name: 'Ana',
      metadata: '{"vip":true}',
      ttlSeconds: 7200,
    };

    const sdk = new AccessToken(API_KEY, API_SECRET, {
      identity: options.identity,
      name: options.name,
      metadata: options.metadata,
      attributes: { ...roles[role].attributes },
      ttl: options.ttlSeconds,
    });
    // The SDK takes sources as protocol enums; ours are names. Its claimsToJwtPayload maps them back.
    const { canPublishSources, ...grant } = roles[role].grant;
    sdk.addGrant({ ...grant, roomJoin: true, room: options.room });
    const sdkClaims = decode(await sdk.toJwt());
    if (canPublishSources)
      (sdkClaims.video as Record<string, unknown>).canPublishSources = [...canPublishSources];

    const ours = decode(await entry.createTokenMinter(credentials).mint(options));
    expect(ours).toEqual(sdkClaims);
  },
);

test('the SDK verifier accepts our tokens, and ours accept the SDK’s', async () => {
  const sdkVerifier = new TokenVerifier(API_KEY, API_SECRET);
  for (const entry of [web, node]) {
    const ours = await entry
      .createTokenMinter(credentials)
      .mint({ identity: 'x', room: 'r', role: 'viewer' });
    await expect(sdkVerifier.verify(ours)).resolves.toMatchObject({ sub: 'x', iss: API_KEY });

    const sdk = new AccessToken(API_KEY, API_SECRET, { identity: 'y', ttl: 600 });
    sdk.addGrant({ roomJoin: true, room: 'r' });
    await expect(entry.verifyToken(await sdk.toJwt(), credentials)).resolves.toMatchObject({
      sub: 'y',
    });
  }
});

test('webhooks: the SDK’s receiver accepts our signatures, and ours accept what the SDK signs', async () => {
  const body = JSON.stringify({
    event: 'participant_joined',
    id: 'EV_9',
    createdAt: '1764000000',
    participant: { sid: 'PA_1', identity: 'v1' },
  });
  const sdkReceiver = new WebhookReceiver(API_KEY, API_SECRET);
  for (const entry of [web, node]) {
    const authorization = await entry.createWebhookSigner(credentials).sign(body);
    const event = await sdkReceiver.receive(body, authorization);
    expect({ event: event.event, id: event.id, identity: event.participant?.identity }).toEqual({
      event: 'participant_joined',
      id: 'EV_9',
      identity: 'v1',
    });
  }
  // What the SDK signs, as LiveKit's server does: a token whose sha256 claim is the body's hash.
  const { createHash } = await import('node:crypto');
  const sdkToken = new AccessToken(API_KEY, API_SECRET, { ttl: 300 });
  sdkToken.sha256 = createHash('sha256').update(body).digest('base64');
  const authorization = await sdkToken.toJwt();
  for (const entry of [web, node]) {
    await expect(
      entry.createWebhookReceiver(credentials).receive(body, authorization),
    ).resolves.toMatchObject({ id: 'EV_9' });
  }
});

function decode(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
