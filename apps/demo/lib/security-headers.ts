/**
 * Whether the site is served over TLS, as the configuration says: a page served over https can
 * only reach a wss:// LiveKit (browsers block ws:// from it), so a wss:// URL outside development
 * means https. Development (`next dev`, SHOW_LOCAL_DEV=1) is plain http on this machine.
 */
function servedOverTls(livekitUrl: string, dev: boolean): boolean {
  return !dev && livekitUrl.startsWith('wss://');
}

/**
 * The demo's content security policy: scripts only from this origin with this response's nonce,
 * connections only to this origin and the configured LiveKit server (WebSocket and HTTP; no
 * wildcard, so an injected script cannot reach another LiveKit project), media from the camera and
 * LiveKit's streams, no framing, and over TLS every http:// subresource upgraded. Built per
 * request, so one build serves any server.
 */
export function contentSecurityPolicy(livekitUrl: string, nonce: string, dev = false): string {
  const origins = new Set<string>();
  try {
    const url = new URL(livekitUrl);
    origins.add(`${url.protocol}//${url.host}`);
    origins.add(`${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`);
  } catch {
    // Not configured: the pages say so, and nothing may connect anywhere else.
  }
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React writes style attributes (the stories' sizes, CSS custom properties).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ${[...origins].join(' ')}`.trim(),
    "font-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(servedOverTls(livekitUrl, dev) ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers every response carries besides the CSP; over TLS, HSTS too. */
export function securityHeaders(livekitUrl: string, dev: boolean): Record<string, string> {
  return {
    ...baseHeaders,
    // Two years, as the HSTS preload list asks; browsers ignore it on plain http.
    ...(servedOverTls(livekitUrl, dev) && {
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    }),
  };
}

const baseHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // The studio needs camera, microphone and screen capture from this origin only.
  'Permissions-Policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
