import { expect, test } from 'vitest';
import { createSessions } from './sessions';

const SECRET = 'a-session-secret-that-is-32-bytes-long!!';
const PASSCODES = { host: 'the-host-passcode', moderator: 'a-moderator-passcode' };

const requestWith = (cookies: Record<string, string>) =>
  new Request('https://shop.example/', {
    headers: {
      Cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    },
  });
const valueOf = (setCookie: string) => setCookie.split(';')[0]?.split('=').slice(1).join('=') ?? '';

test('refuses a short secret or passcode, saying how long it must be', async () => {
  await expect(createSessions('short')).rejects.toThrow(/at least 32 bytes/);
  await expect(createSessions(SECRET, { passcodes: { host: 'seven77' } })).rejects.toThrow(
    /host passcode must be at least 8 characters/,
  );
});

test('a person keeps their id and name; another secret does not know them', async () => {
  const sessions = await createSessions(SECRET);
  const cookie = await sessions.personCookie({ id: 'a'.repeat(22), name: 'Ana ✓' });
  expect(cookie).toMatch(/^__Host-show_person=.*; Path=\/;.*HttpOnly; SameSite=Strict; Secure$/);
  const person = await sessions.person(requestWith({ '__Host-show_person': valueOf(cookie) }));
  expect(person).toEqual({ id: 'a'.repeat(22), name: 'Ana ✓', isNew: false });
  // The unprefixed name (which a plain-HTTP page or a subdomain could set) is not read.
  expect((await sessions.person(requestWith({ show_person: valueOf(cookie) }))).isNew).toBe(true);
  const others = await createSessions(`${SECRET}-rotated`);
  const stranger = await others.person(requestWith({ '__Host-show_person': valueOf(cookie) }));
  expect(stranger.isNew).toBe(true);
  expect(stranger.id).not.toBe('a'.repeat(22));
});

test('without TLS (local development) cookies have no prefix and no Secure', async () => {
  const sessions = await createSessions(SECRET, { secure: false, passcodes: PASSCODES });
  expect(sessions.cookieNames.staff.host).toBe('show_host');
  const cookie = await sessions.staffCookie('host');
  expect(cookie).toMatch(/^show_host=/);
  expect(cookie).not.toMatch(/Secure/);
});

test('staff sessions: the role is signed, they expire, and the person key never signs them', async () => {
  const sessions = await createSessions(SECRET, { passcodes: PASSCODES });
  const names = sessions.cookieNames.staff;
  const now = 1_780_000_000_000;
  const moderator = valueOf(await sessions.staffCookie('moderator', now));
  expect(await sessions.staffRole(requestWith({ [names.moderator]: moderator }), now)).toBe(
    'moderator',
  );
  // A moderator's cookie renamed to the host's does not verify.
  expect(await sessions.staffRole(requestWith({ [names.host]: moderator }), now)).toBeUndefined();
  expect(
    await sessions.staffRole(requestWith({ [names.moderator]: moderator }), now + 9 * 3600_000),
  ).toBeUndefined();
  // A person cookie's MAC is no staff MAC, even with a matching shape.
  const person = valueOf(await sessions.personCookie({ id: 'b'.repeat(22), name: undefined }));
  const [, , mac] = person.split('.');
  const forged = `${now + 3600_000}.${mac}`;
  expect(await sessions.staffRole(requestWith({ [names.host]: forged }), now)).toBeUndefined();
  expect(sessions.signOutCookies()).toHaveLength(2);
});

test('a new passcode signs that role out everywhere; a role without one is closed', async () => {
  const now = 1_780_000_000_000;
  const before = await createSessions(SECRET, { passcodes: PASSCODES });
  const host = valueOf(await before.staffCookie('host', now));
  const moderator = valueOf(await before.staffCookie('moderator', now));
  const after = await createSessions(SECRET, {
    passcodes: { ...PASSCODES, host: 'a-new-host-passcode' },
  });
  const names = after.cookieNames.staff;
  expect(await after.staffRole(requestWith({ [names.host]: host }), now)).toBeUndefined();
  expect(await after.staffRole(requestWith({ [names.moderator]: moderator }), now)).toBe(
    'moderator',
  );

  const closed = await createSessions(SECRET, { passcodes: { host: PASSCODES.host } });
  expect(closed.opens('moderator')).toBe(false);
  expect(await closed.checkPasscode('moderator', '')).toBe(false);
  expect(
    await closed.staffRole(requestWith({ [names.moderator]: moderator }), now),
  ).toBeUndefined();
  await expect(closed.staffCookie('moderator')).rejects.toThrow(/no passcode/);
});

test('passcodes are checked per role', async () => {
  const sessions = await createSessions(SECRET, { passcodes: PASSCODES });
  expect(await sessions.checkPasscode('host', PASSCODES.host)).toBe(true);
  expect(await sessions.checkPasscode('host', PASSCODES.moderator)).toBe(false);
  expect(await sessions.checkPasscode('moderator', PASSCODES.moderator)).toBe(true);
  expect(await sessions.checkPasscode('host', `${PASSCODES.host} `)).toBe(false);
});

test('one request is one person, however often it is asked (a newcomer gets one id)', async () => {
  const sessions = await createSessions(SECRET);
  const request = new Request('https://shop.example/');
  const [first, second] = await Promise.all([sessions.person(request), sessions.person(request)]);
  expect(first).toBe(second);
  expect((await sessions.person(new Request('https://shop.example/'))).id).not.toBe(first.id);
});
