import { afterEach, describe, expect, test } from 'vitest';
import { browser, createTestServer, join, ORIGIN, PASSCODES } from '../../test/fixtures';

type TestServer = Awaited<ReturnType<typeof createTestServer>>;
let t: TestServer;
afterEach(async () => {
  await t?.close();
});

/** A sign-in form post, as the browser sends it (from `address` behind one trusted proxy). */
function signIn(
  who: ReturnType<typeof browser>,
  passcode: string,
  { role = 'host', address, forwarded, site = 'same-origin' } = {} as {
    role?: string;
    address?: string;
    forwarded?: string;
    site?: string;
  },
) {
  const chain = [forwarded, address].filter(Boolean).join(', ');
  return t.server.signIn(
    who.request(`/api/staff/sign-in?role=${role}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': site,
        ...(chain && { 'X-Forwarded-For': chain }),
      },
      body: new URLSearchParams({ passcode }).toString(),
    }),
  );
}

describe('staff sign-in', () => {
  test('the right passcode signs in with a __Host- cookie and leads home; a wrong one goes back', async () => {
    t = await createTestServer();
    const maya = browser();
    const wrong = await signIn(maya, 'not-it');
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/studio?error=wrong');
    expect(wrong.headers.getSetCookie()).toEqual([]);

    const right = await signIn(maya, PASSCODES.host);
    expect(right.headers.get('location')).toBe('/studio');
    const [cookie] = right.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-show_host=.*; Path=\/; .*HttpOnly; SameSite=Strict; Secure$/);
    maya.remember(right);
    expect((await join(t.server, maya, { admin: true })).body.role).toBe('host');

    // The moderator's passcode is no host passcode.
    const mod = browser();
    const asHost = await signIn(mod, PASSCODES.moderator);
    expect(asHost.headers.get('location')).toBe('/studio?error=wrong');
    const asMod = await signIn(mod, PASSCODES.moderator, { role: 'moderator' });
    expect(asMod.headers.get('location')).toBe('/');
  });

  test('another site cannot sign a browser in (login CSRF) or out', async () => {
    t = await createTestServer();
    const victim = browser();
    const response = await signIn(victim, PASSCODES.host, { site: 'cross-site' });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    const sameSite = await signIn(victim, PASSCODES.host, { site: 'same-site' });
    expect(sameSite.status).toBe(403);
    // An older browser with no Sec-Fetch-Site still sends Origin.
    const old = await t.server.signIn(
      new Request(`${ORIGIN}/api/staff/sign-in`, {
        method: 'POST',
        headers: {
          Origin: 'https://evil.example',
          Host: 'shop.example',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: `passcode=${PASSCODES.host}`,
      }),
    );
    expect(old.status).toBe(403);
    const out = await t.server.signOut(
      victim.request('/api/staff/sign-out', {
        method: 'POST',
        headers: { 'Sec-Fetch-Site': 'cross-site' },
      }),
    );
    expect(out.status).toBe(403);
  });

  test('sign-out is a form post that clears every staff cookie', async () => {
    t = await createTestServer();
    const maya = browser();
    maya.remember(await signIn(maya, PASSCODES.host));
    const out = await t.server.signOut(
      maya.request('/api/staff/sign-out', {
        method: 'POST',
        headers: { 'Sec-Fetch-Site': 'same-origin' },
      }),
    );
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(out.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    maya.remember(out);
    expect((await join(t.server, maya, { admin: true })).response.status).toBe(403);
    const get = await t.server.signOut(maya.request('/api/staff/sign-out'));
    expect(get.status).toBe(405);
  });

  test('a closed role, a body that is no form, and an oversized body are refused before any guess', async () => {
    t = await createTestServer({
      sessions: await (
        await import('../sessions')
      ).createSessions('a-session-secret-that-is-32-bytes-long!!', {
        passcodes: { host: PASSCODES.host },
      }),
    });
    const who = browser();
    const closed = await signIn(who, PASSCODES.moderator, { role: 'moderator' });
    expect(closed.headers.get('location')).toBe('/moderate?error=closed');
    const huge = await t.server.signIn(
      who.request('/api/staff/sign-in', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Sec-Fetch-Site': 'same-origin',
        },
        body: `passcode=${'x'.repeat(5000)}`,
      }),
    );
    expect(huge.headers.get('location')).toBe('/studio?error=invalid');
  });

  test('rotating X-Forwarded-For does not buy more tries; the host elsewhere still signs in', async () => {
    t = await createTestServer({ trustedProxyHops: 1 });
    const attacker = browser();
    const answers: string[] = [];
    for (let i = 0; i < 14; i++) {
      const response = await signIn(attacker, `guess-${i}`, {
        address: '198.51.100.66',
        forwarded: `10.0.0.${i}`,
      });
      answers.push(response.headers.get('location') ?? '');
    }
    expect(answers.slice(0, 10).every((a) => a === '/studio?error=wrong')).toBe(true);
    expect(answers.slice(10).every((a) => a === '/studio?error=too-many')).toBe(true);
    // Even the right passcode waits now, from that address.
    const locked = await signIn(attacker, PASSCODES.host, { address: '198.51.100.66' });
    expect(locked.headers.get('location')).toBe('/studio?error=too-many');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Sending the host's address as the first entry does not lock the host out.
    await signIn(attacker, 'x', { address: '198.51.100.66', forwarded: '203.0.113.5' });
    const host = await signIn(browser(), PASSCODES.host, { address: '203.0.113.5' });
    expect(host.headers.get('location')).toBe('/studio');
  });

  test('a server-wide ceiling stops guessing from many addresses (and with no trusted proxy)', async () => {
    t = await createTestServer();
    const locations: string[] = [];
    for (let i = 0; i < 62; i++) {
      const response = await signIn(browser(), `guess-${i}`, { forwarded: `10.0.${i}.1` });
      locations.push(response.headers.get('location') ?? '');
    }
    expect(locations.filter((l) => l === '/studio?error=wrong')).toHaveLength(60);
    expect(locations.slice(60)).toEqual(['/studio?error=too-many', '/studio?error=too-many']);
  });
});

describe('token limits', () => {
  const ask = (who: ReturnType<typeof browser>, forwarded?: string) =>
    t.server.token(
      who.request('/api/livekit/token?room=spring-drop&username=Ana', {
        ...(forwarded && { headers: { 'X-Forwarded-For': forwarded } }),
      }),
    );

  test('newcomers per address behind a trusted proxy, whatever the client puts first', async () => {
    t = await createTestServer({ trustedProxyHops: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 122; i++) {
      statuses.push((await ask(browser(), `10.1.${i}.1, 198.51.100.66`)).status);
    }
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(120)).toEqual([429, 429]);
    expect((await ask(browser(), '198.51.100.67')).status).toBe(200);
  });

  test('someone with a session is limited as a person, not with their neighbours', async () => {
    t = await createTestServer({ trustedProxyHops: 1 });
    const ana = browser();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await ask(ana, '198.51.100.66');
      ana.remember(response);
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 31).every((s) => s === 200)).toBe(true);
    expect(statuses[31]).toBe(429);
    // A neighbour behind the same address (a carrier's NAT) still gets in.
    expect((await ask(browser(), '198.51.100.66')).status).toBe(200);
  });

  test('with no trusted proxy, per person; the header buys nothing', async () => {
    t = await createTestServer();
    const ana = browser();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await ask(ana, `10.2.${i}.1`);
      ana.remember(response);
      statuses.push(response.status);
    }
    // The first as a newcomer, then thirty as Ana.
    expect(statuses.slice(0, 31).every((s) => s === 200)).toBe(true);
    expect(statuses[31]).toBe(429);
    // Someone else is not held back by Ana.
    expect((await ask(browser())).status).toBe(200);
  });
});
