import { SHOW_ROOM } from '../../../../lib/catalog';
import { readConfig } from '../../../../lib/config';
import { clientKey, createRateLimiter } from '../../../../lib/rate-limit';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaffRole } from '@show/server';
import { sessionsFor } from '../../../../lib/sessions';

export const dynamic = 'force-dynamic';

// Ten tries per 10 minutes per client, both forms together: enough for typos, far too few for
// guessing.
const attempts = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });

// Where each role signs in, and where a signed-in moderator goes: the show, with tools.
const SIGN_IN: Record<StaffRole, string> = { host: '/studio', moderator: '/moderate' };
const HOME: Record<StaffRole, string> = { host: '/studio', moderator: `/show/${SHOW_ROOM}` };

function redirect(location: string, cookie?: string): Response {
  // Relative: behind a proxy (or Next's own), request.url may not name the host the browser used.
  const headers = new Headers({ Location: location });
  if (cookie) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** Compares a typed passcode in constant time (both sides hashed to one length first). */
function passcodeMatches(typed: string, passcode: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(typed), digest(passcode));
}

/**
 * The sign-in forms post here (`passcode`, and `role`: host unless "moderator"). A matching
 * passcode gets that role's session cookie.
 */
export async function POST(request: Request): Promise<Response> {
  let form: FormData | undefined;
  try {
    form = await request.formData();
  } catch {
    form = undefined;
  }
  const role: StaffRole = form?.get('role') === 'moderator' ? 'moderator' : 'host';
  const back = (error: string) => redirect(`${SIGN_IN[role]}?error=${error}`);
  const result = readConfig();
  const passcode = result.ok
    ? role === 'host'
      ? result.config.hostPasscode
      : result.config.moderatorPasscode
    : undefined;
  if (!result.ok || !passcode) return back('closed');
  if (!attempts(clientKey(request)).allowed) return back('too-many');
  const typed = form?.get('passcode');
  if (typeof typed !== 'string' || !passcodeMatches(typed, passcode)) return back('wrong');
  const sessions = await sessionsFor(result.config);
  const secure = new URL(request.url).protocol === 'https:';
  return redirect(HOME[role], await sessions.staffCookie(role, secure));
}

/** Sign out of every role: the cookies are cleared. */
export async function DELETE(request: Request): Promise<Response> {
  const response = redirect('/');
  const result = readConfig();
  if (!result.ok) return response;
  const sessions = await sessionsFor(result.config);
  const secure = new URL(request.url).protocol === 'https:';
  for (const cookie of sessions.signOutCookies(secure))
    response.headers.append('Set-Cookie', cookie);
  return response;
}
