import 'server-only';
import { createHmac, timingSafeEqual, createHash } from 'node:crypto';

/** The cookie that marks a signed-in host: `<expires ms>.<HMAC>`, httpOnly, SameSite=Strict. */
export const HOST_COOKIE = 'show_host';
export const HOST_SESSION_SECONDS = 8 * 60 * 60;

// A key of its own, derived from the API secret: a session value is never a LiveKit signature.
function sessionKey(apiSecret: string): Buffer {
  return createHmac('sha256', apiSecret).update('show host session v1').digest();
}

function sign(expires: number, apiSecret: string): string {
  return createHmac('sha256', sessionKey(apiSecret)).update(`host.${expires}`).digest('base64url');
}

export function createHostSession(
  apiSecret: string,
  now = Date.now(),
): { value: string; maxAge: number } {
  const expires = now + HOST_SESSION_SECONDS * 1000;
  return { value: `${expires}.${sign(expires, apiSecret)}`, maxAge: HOST_SESSION_SECONDS };
}

/** True for an unexpired session this server signed. */
export function isHostSession(
  value: string | undefined,
  apiSecret: string,
  now = Date.now(),
): boolean {
  if (!value) return false;
  const [expiresText, mac] = value.split('.');
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires <= now || !mac) return false;
  const expected = Buffer.from(sign(expires, apiSecret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
