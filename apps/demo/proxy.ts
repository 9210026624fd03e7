import { NextResponse, type NextRequest } from 'next/server';
import { runtimeEnv } from './lib/runtime-env';
import { contentSecurityPolicy, securityHeaders } from './lib/security-headers';

/** Sets the CSP with a fresh nonce (Next.js applies it to its own scripts) and the other headers. */
export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const livekitUrl = runtimeEnv('NEXT_PUBLIC_LIVEKIT_URL')?.trim() ?? '';
  const dev = process.env.NODE_ENV !== 'production' || runtimeEnv('SHOW_LOCAL_DEV') === '1';
  const csp = contentSecurityPolicy(livekitUrl, nonce, dev);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders(livekitUrl, dev))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|products/|icon.svg).*)' }],
};
