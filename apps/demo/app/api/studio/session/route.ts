import { readConfig } from '../../../../lib/config';
import {
  cookieHeader,
  createHostSession,
  HOST_COOKIE,
  passcodeMatches,
} from '../../../../lib/host-session';
import { clientKey, createRateLimiter } from '../../../../lib/rate-limit';

export const dynamic = 'force-dynamic';

// Ten tries per 10 minutes per client: enough for typos, far too few for guessing.
const attempts = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });

function back(query: string, cookie?: string): Response {
  // Relative: behind a proxy (or Next's own), request.url may not name the host the browser used.
  const headers = new Headers({ Location: `/studio${query}` });
  if (cookie) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** The studio's sign-in form posts here: a matching passcode gets the host session cookie. */
export async function POST(request: Request): Promise<Response> {
  const result = readConfig();
  if (!result.ok || !result.config.hostPasscode) return back('?error=closed');
  if (!attempts(clientKey(request)).allowed) return back('?error=too-many');
  let typed: string;
  try {
    const value = (await request.formData()).get('passcode');
    typed = typeof value === 'string' ? value : '';
  } catch {
    return back('?error=wrong');
  }
  if (!passcodeMatches(typed, result.config.hostPasscode)) return back('?error=wrong');
  const session = createHostSession(result.config.apiSecret);
  const secure = new URL(request.url).protocol === 'https:';
  return back('', cookieHeader(HOST_COOKIE, session.value, { maxAge: session.maxAge, secure }));
}

/** Sign out: the cookie is cleared. */
export async function DELETE(): Promise<Response> {
  return back('', cookieHeader(HOST_COOKIE, '', { maxAge: 0, secure: false }));
}
