// The seed's testing point 1: the token endpoint, through the built app.
import { createTokenVerifier } from '@show/token';
import { expect, test, type APIResponse } from '@playwright/test';

const secret = process.env.LIVEKIT_API_SECRET ?? '';
const verifier = createTokenVerifier({
  apiKey: process.env.LIVEKIT_API_KEY ?? '',
  apiSecret: secret,
  requireStrongSecret: false,
});

const CONNECTION = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{11}$/;
const personOf = (identity: string) => CONNECTION.exec(identity)?.[1];

test('a viewer gets a token that verifies, joins hidden and cannot publish; the identity is the server’s', async ({
  request,
}) => {
  const response = await request.get('/api/livekit/token?room=spring-drop&username=alice');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = await response.json();
  const claims = await verifier.verify(body.token);
  expect(claims.video).toMatchObject({
    room: 'spring-drop',
    roomJoin: true,
    canPublish: false,
    canPublishData: false,
    canSubscribe: true,
    hidden: true,
  });
  expect(claims.name).toBe('alice');
  expect(claims.sub).toMatch(CONNECTION);
  // Two viewers called alice are two people; a reload (or a second tab) is the same person on a
  // connection of its own, so the tabs never drop each other.
  const again = await (
    await request.get('/api/livekit/token?room=spring-drop&username=alice')
  ).json();
  expect(again.identity).not.toBe(body.identity);
  expect(personOf(again.identity)).toBe(personOf(body.identity));
  const stranger = await (
    await request.get('/api/livekit/token?room=spring-drop&username=alice', {
      headers: { cookie: '' },
    })
  ).json();
  expect(personOf(stranger.identity)).not.toBe(personOf(body.identity));
  expect(JSON.stringify(body)).not.toContain(secret);
});

test('admin=true without a host session is refused with 403 JSON', async ({ request }) => {
  const response = await request.get(
    '/api/livekit/token?room=spring-drop&username=mallory&admin=true',
  );
  expect(response.status()).toBe(403);
  const body = await response.json();
  expect(body.error.code).toBe('forbidden');
  expect(await response.text()).not.toContain(secret);
});

test('bad input gets 4xx JSON, never 5xx, never the secret', async ({ request }) => {
  const cases: Array<[string, Promise<APIResponse>]> = [
    ['no room', request.get('/api/livekit/token?username=a')],
    ['no username', request.get('/api/livekit/token?room=spring-drop')],
    ['room too long', request.get(`/api/livekit/token?room=${'r'.repeat(300)}&username=a`)],
    ['admin not a boolean', request.get('/api/livekit/token?room=r&username=a&admin=yes')],
    ['a repeated parameter', request.get('/api/livekit/token?room=r&room=s&username=a')],
    [
      'POST without JSON',
      request.post('/api/livekit/token', {
        data: 'room=r',
        headers: { 'content-type': 'text/plain' },
      }),
    ],
    [
      'POST with broken JSON',
      request.post('/api/livekit/token', {
        data: '{',
        headers: { 'content-type': 'application/json' },
      }),
    ],
    ['DELETE', request.delete('/api/livekit/token')],
  ];
  for (const [name, pending] of cases) {
    const response = await pending;
    expect(response.status(), name).toBeGreaterThanOrEqual(400);
    expect(response.status(), name).toBeLessThan(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code, name).toEqual(expect.any(String));
    expect(text, name).not.toContain(secret);
  }
});

test('a signed-in host gets the host role only when asking for it; as a viewer it is a viewer', async ({
  request,
}) => {
  const signIn = await request.post('/api/staff/sign-in?role=host', {
    form: { passcode: process.env.SHOW_HOST_PASSCODE ?? '' },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(303);
  const host = await (
    await request.get('/api/livekit/token?room=spring-drop&username=Maya&admin=true')
  ).json();
  expect(host).toMatchObject({ role: 'host', identity: 'host' });
  const claims = await verifier.verify(host.token);
  expect(claims.video).toMatchObject({ canPublish: true, canUpdateOwnMetadata: true });
  const asViewer = await (
    await request.get('/api/livekit/token?room=spring-drop&username=Maya')
  ).json();
  expect(asViewer.role).toBe('viewer');
  expect(asViewer.identity).not.toBe('host');
});

test('a signed-in moderator gets the moderator role, never the host’s; the moderator passcode is not the host’s', async ({
  request,
}) => {
  const wrong = await request.post('/api/staff/sign-in?role=host', {
    form: { passcode: process.env.SHOW_MODERATOR_PASSCODE ?? '' },
    maxRedirects: 0,
  });
  expect(wrong.headers().location).toBe('/studio?error=wrong');
  const signIn = await request.post('/api/staff/sign-in?role=moderator', {
    form: { passcode: process.env.SHOW_MODERATOR_PASSCODE ?? '' },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(303);
  expect(signIn.headers().location).toBe('/show/spring-drop');
  const mod = await (await request.get('/api/livekit/token?room=spring-drop&username=Mo')).json();
  expect(mod).toMatchObject({ role: 'moderator', identity: expect.stringMatching(CONNECTION) });
  const claims = await verifier.verify(mod.token);
  expect(claims.attributes?.['show.role']).toBe('moderator');
  // Visible (viewers see who moderates), but chat goes through the server like everyone's.
  expect(claims.video).toMatchObject({ canPublish: false, canPublishData: false, hidden: false });
  const asHost = await request.get('/api/livekit/token?room=spring-drop&username=Mo&admin=true');
  expect(asHost.status()).toBe(403);
});

test('muting needs a host or moderator session; a muted person cannot chat, whatever token they hold', async ({
  playwright,
  baseURL,
}) => {
  const viewer = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const first = await (
    await viewer.get('/api/livekit/token?room=spring-drop&username=Loud')
  ).json();
  const mute = { person: personOf(first.identity), muted: true };
  // The viewer cannot mute anybody, itself included.
  const self = await viewer.post('/api/shows/spring-drop/mutes', { data: mute });
  expect(self.status()).toBe(401);
  const said = await viewer.post('/api/shows/spring-drop/chat', { data: { text: 'hello' } });
  expect(said.status()).toBe(201);

  const mod = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  await mod.post('/api/staff/sign-in?role=moderator', {
    form: { passcode: process.env.SHOW_MODERATOR_PASSCODE ?? '' },
    maxRedirects: 0,
  });
  const muted = await mod.post('/api/shows/spring-drop/mutes', { data: mute });
  expect(muted.status()).toBe(200);
  const refused = await viewer.post('/api/shows/spring-drop/chat', { data: { text: 'still me' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('muted');
  // A new token (a rejoin) changes nothing: the mute is the person's.
  await viewer.get('/api/livekit/token?room=spring-drop&username=Quiet');
  expect((await viewer.post('/api/shows/spring-drop/chat', { data: { text: 'x' } })).status()).toBe(
    403,
  );
  expect(await (await mod.get('/api/shows/spring-drop/mutes')).json()).toEqual({
    muted: [mute.person],
  });

  await mod.post('/api/shows/spring-drop/mutes', { data: { ...mute, muted: false } });
  expect(
    (await viewer.post('/api/shows/spring-drop/chat', { data: { text: 'thanks' } })).status(),
  ).toBe(201);
  await viewer.dispose();
  await mod.dispose();
});
