/**
 * The demo's content security policy: scripts only from this origin with this response's nonce,
 * connections only to this origin and the configured LiveKit server (WebSocket and HTTP), media from
 * the camera and LiveKit's streams, no framing. Built per request, so one build serves any server.
 */
export function contentSecurityPolicy(livekitUrl: string, nonce: string, dev = false): string {
  const origins = new Set<string>();
  try {
    const url = new URL(livekitUrl);
    origins.add(`${url.protocol}//${url.host}`);
    origins.add(`${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`);
    // LiveKit Cloud picks a region through its own hosts.
    if (url.hostname.endsWith('.livekit.cloud'))
      origins.add('wss://*.livekit.cloud https://*.livekit.cloud');
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
  ].join('; ');
}

/** Headers every response carries besides the CSP. */
export const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // The studio needs camera, microphone and screen capture from this origin only.
  'Permissions-Policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
