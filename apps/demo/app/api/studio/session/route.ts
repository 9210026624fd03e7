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

function back(request: Request, query: string, cookie?: string): Response {
  const headers = new Headers({ Location: new URL(`/studio${query}`, request.url).toString() });
  if (cookie) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** The studio's sign-in form posts here: a matching passcode gets the host session cookie. */
export async function POST(request: Request): Promise<Response> {
  const result = readConfig();
  if (!result.ok || !result.config.hostPasscode) return back(request, '?error=closed');
  if (!attempts(clientKey(request)).allowed) return back(request, '?error=too-many');
  let typed: string;
  try {
    const value = (await request.formData()).get('passcode');
    typed = typeof value === 'string' ? value : '';
  } catch {
    return back(request, '?error=wrong');
  }
  if (!passcodeMatches(typed, result.config.hostPasscode)) return back(request, '?error=wrong');
  const session = createHostSession(result.config.apiSecret);
  const secure = new URL(request.url).protocol === 'https:';
  return back(
    request,
    '',
    cookieHeader(HOST_COOKIE, session.value, { maxAge: session.maxAge, secure }),
  );
}

/** Sign out: the cookie is cleared. */
export async function DELETE(request: Request): Promise<Response> {
  return back(request, '', cookieHeader(HOST_COOKIE, '', { maxAge: 0, secure: false }));
}
