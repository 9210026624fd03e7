import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The people who sign in: the host (the studio) and moderators (the viewer page, with tools). */
export type StaffRole = 'host' | 'moderator';

/** Each role's cookie: `<expires ms>.<HMAC>`, httpOnly, SameSite=Strict. */
export const SESSION_COOKIES: Readonly<Record<StaffRole, string>> = {
  host: 'show_host',
  moderator: 'show_moderator',
};
export const SESSION_SECONDS = 8 * 60 * 60;

// A key of its own, derived from the API secret: a session value is never a LiveKit signature.
function sessionKey(apiSecret: string): Buffer {
  return createHmac('sha256', apiSecret).update('show host session v1').digest();
}

// The role is in the signed text: a moderator's cookie renamed to show_host does not verify.
function sign(role: StaffRole, expires: number, apiSecret: string): string {
  return createHmac('sha256', sessionKey(apiSecret))
    .update(`${role}.${expires}`)
    .digest('base64url');
}

export function createStaffSession(
  role: StaffRole,
  apiSecret: string,
  now = Date.now(),
): { value: string; maxAge: number } {
  const expires = now + SESSION_SECONDS * 1000;
  return { value: `${expires}.${sign(role, expires, apiSecret)}`, maxAge: SESSION_SECONDS };
}

/** True for an unexpired session of `role` this server signed. */
export function isStaffSession(
  role: StaffRole,
  value: string | undefined,
  apiSecret: string,
  now = Date.now(),
): boolean {
  if (!value) return false;
  const [expiresText, mac] = value.split('.');
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires <= now || !mac) return false;
  const expected = Buffer.from(sign(role, expires, apiSecret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request's signed-in role, if any: host first, then moderator. */
export function staffRoleOf(request: Request, apiSecret: string): StaffRole | undefined {
  for (const role of ['host', 'moderator'] as const) {
    if (isStaffSession(role, readCookie(request, SESSION_COOKIES[role]), apiSecret)) return role;
  }
  return undefined;
}

/** Compares a typed passcode in constant time (both sides hashed to one length first). */
export function passcodeMatches(typed: string, passcode: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(typed), digest(passcode));
}

export function cookieHeader(
  name: string,
  value: string,
  { maxAge, secure }: { maxAge: number; secure: boolean },
): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
