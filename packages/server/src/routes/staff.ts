// Staff sign-in and sign-out, for plain HTML forms (they work before any script loads): a passcode
// posted from this site's own page gets the role's session cookie and a 303 to the role's home;
// a refusal goes back to the sign-in page with `?error=`.
//
// In order, so a flood costs the server nothing: the request must come from this origin (no login
// CSRF), then the caller's address is limited, then every try counts against a ceiling for the
// whole server (rotating addresses cannot guess faster), and only then is the body read (bounded)
// and the passcode compared in constant time.
import { addressKey } from '../client-address';
import { readText, requireMethod, requireSameSite, retryAfterSeconds } from '../http';
import type { ShowServerContext } from '../context';
import { ShowServerError } from '../server-error';
import type { StaffRole } from '../sessions';

export interface StaffPages {
  /** Where each role signs in; refusals come back here with `?error=closed|wrong|too-many|invalid`. */
  signIn: Readonly<Record<StaffRole, string>>;
  /** Where each role goes once signed in. */
  home: Readonly<Record<StaffRole, string>>;
  /** Where signing out leads. */
  signedOut: string;
}

export const defaultStaffPages: StaffPages = {
  signIn: { host: '/studio', moderator: '/moderate' },
  home: { host: '/studio', moderator: '/' },
  signedOut: '/',
};

export type SignInRefusal = 'closed' | 'wrong' | 'too-many' | 'invalid';

const MAX_FORM_BYTES = 2048;

function redirect(location: string, headers: Record<string, string> = {}): Response {
  // Relative: behind a proxy, request.url may not name the host the browser used.
  return new Response(null, {
    status: 303,
    headers: { Location: location, 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * Only this origin's own pages may post here. Browsers send `Sec-Fetch-Site` (and `Origin` on
 * every POST); a request with neither is not a browser's, so no victim's session is at stake.
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') {
    throw new ShowServerError('forbidden', 'Sign in from this site’s own page.');
  }
  requireSameSite(request);
}

/** `POST …/staff/sign-in?role=host|moderator` with the form field `passcode`. */
export async function signIn(
  context: ShowServerContext,
  pages: StaffPages,
  request: Request,
): Promise<Response> {
  requireMethod(request, 'POST');
  requireSameOrigin(request);
  const role: StaffRole =
    new URL(request.url).searchParams.get('role') === 'moderator' ? 'moderator' : 'host';
  const back = (refusal: SignInRefusal, retryAfterMs?: number) =>
    redirect(
      `${pages.signIn[role]}?error=${refusal}`,
      retryAfterMs === undefined ? {} : { 'Retry-After': String(retryAfterSeconds(retryAfterMs)) },
    );
  if (!context.sessions.opens(role)) return back('closed');

  const address = context.address(request);
  if (address !== undefined) {
    const mine = await context.limits.signIn.take(addressKey(address));
    if (!mine.allowed) return back('too-many', mine.retryAfterMs);
  }
  const everyone = await context.limits.signInAll.take('all');
  if (!everyone.allowed) {
    context.onError?.(
      new ShowServerError('rate_limited', 'Sign-in ceiling reached: tries are paused.'),
    );
    return back('too-many', everyone.retryAfterMs);
  }

  if (
    !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')
  ) {
    return back('invalid');
  }
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readText(request, MAX_FORM_BYTES));
  } catch {
    return back('invalid');
  }
  const typed = form.get('passcode');
  if (!typed || !(await context.sessions.checkPasscode(role, typed))) return back('wrong');
  return redirect(pages.home[role], { 'Set-Cookie': await context.sessions.staffCookie(role) });
}

/** `POST …/staff/sign-out`: every staff role signed out (a form can send it; DELETE cannot). */
export async function signOut(
  context: ShowServerContext,
  pages: StaffPages,
  request: Request,
): Promise<Response> {
  requireMethod(request, 'POST');
  requireSameOrigin(request);
  const response = redirect(pages.signedOut);
  for (const cookie of context.sessions.signOutCookies()) {
    response.headers.append('Set-Cookie', cookie);
  }
  return response;
}
