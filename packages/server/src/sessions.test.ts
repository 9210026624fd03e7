import { expect, test } from 'vitest';
import { createSessions, STAFF_COOKIES } from './sessions';

const SECRET = 'a-session-secret-that-is-32-bytes-long!!';

const requestWith = (cookies: Record<string, string>) =>
  new Request('https://shop.example/', {
    headers: {
      Cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    },
  });
const valueOf = (setCookie: string) => setCookie.split(';')[0]?.split('=').slice(1).join('=') ?? '';

test('refuses a short secret, saying how long it must be', async () => {
  await expect(createSessions('short')).rejects.toThrow(/at least 32 bytes/);
});

test('a person keeps their id and name; another secret does not know them', async () => {
  const sessions = await createSessions(SECRET);
  const cookie = await sessions.personCookie({ id: 'a'.repeat(22), name: 'Ana ✓' }, true);
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict; Secure$/);
  const person = await sessions.person(requestWith({ show_person: valueOf(cookie) }));
  expect(person).toEqual({ id: 'a'.repeat(22), name: 'Ana ✓', isNew: false });
  const others = await createSessions(`${SECRET}-rotated`);
  const stranger = await others.person(requestWith({ show_person: valueOf(cookie) }));
  expect(stranger.isNew).toBe(true);
  expect(stranger.id).not.toBe('a'.repeat(22));
});

test('staff sessions: the role is signed, they expire, and the person key never signs them', async () => {
  const sessions = await createSessions(SECRET);
  const now = 1_780_000_000_000;
  const moderator = valueOf(await sessions.staffCookie('moderator', false, now));
  expect(await sessions.staffRole(requestWith({ [STAFF_COOKIES.moderator]: moderator }), now)).toBe(
    'moderator',
  );
  // A moderator's cookie renamed to the host's does not verify.
  expect(
    await sessions.staffRole(requestWith({ [STAFF_COOKIES.host]: moderator }), now),
  ).toBeUndefined();
  expect(
    await sessions.staffRole(
      requestWith({ [STAFF_COOKIES.moderator]: moderator }),
      now + 9 * 3600_000,
    ),
  ).toBeUndefined();
  // A person cookie's MAC is no staff MAC, even with a matching shape.
  const person = valueOf(
    await sessions.personCookie({ id: 'b'.repeat(22), name: undefined }, false),
  );
  const [, , mac] = person.split('.');
  const forged = `${now + 3600_000}.${mac}`;
  expect(
    await sessions.staffRole(requestWith({ [STAFF_COOKIES.host]: forged }), now),
  ).toBeUndefined();
  expect(sessions.signOutCookies(true)).toHaveLength(2);
});
