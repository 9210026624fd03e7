import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

describe('content security policy', () => {
  test('lets the page reach exactly its LiveKit server, over WebSocket and HTTP', () => {
    const csp = contentSecurityPolicy('wss://live.example.com:7880', 'abc');
    expect(csp).toContain(
      "connect-src 'self' wss://live.example.com:7880 https://live.example.com:7880;",
    );
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('no wildcard for LiveKit Cloud (an injected script would reach any project); a bad URL allows only this origin', () => {
    const csp = contentSecurityPolicy('wss://show-x1.livekit.cloud', 'n');
    expect(csp).not.toContain('*');
    expect(csp).toContain('wss://show-x1.livekit.cloud https://show-x1.livekit.cloud');
    expect(contentSecurityPolicy('not a url', 'n')).toContain("connect-src 'self';");
  });

  test('over TLS (a wss:// LiveKit outside development): upgrade-insecure-requests and HSTS', () => {
    expect(contentSecurityPolicy('wss://live.example.com', 'n')).toMatch(
      /; upgrade-insecure-requests$/,
    );
    expect(securityHeaders('wss://live.example.com', false)['Strict-Transport-Security']).toMatch(
      /^max-age=63072000/,
    );
    // Plain http on this machine: upgrading would break every request.
    expect(contentSecurityPolicy('ws://127.0.0.1:7880', 'n')).not.toContain('upgrade');
    expect(contentSecurityPolicy('wss://live.example.com', 'n', true)).not.toContain('upgrade');
    expect(securityHeaders('ws://127.0.0.1:7880', false)).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(securityHeaders('wss://live.example.com', true)).not.toHaveProperty(
      'Strict-Transport-Security',
    );
  });
});
