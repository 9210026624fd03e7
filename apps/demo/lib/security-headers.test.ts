import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from './security-headers';

describe('content security policy', () => {
  test('lets the page reach exactly its LiveKit server, over WebSocket and HTTP', () => {
    const csp = contentSecurityPolicy('wss://live.example.com:7880', 'abc');
    expect(csp).toContain(
      "connect-src 'self' wss://live.example.com:7880 https://live.example.com:7880",
    );
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('LiveKit Cloud also gets its region hosts; a bad URL allows only this origin', () => {
    expect(contentSecurityPolicy('wss://show-x1.livekit.cloud', 'n')).toContain(
      'wss://*.livekit.cloud',
    );
    expect(contentSecurityPolicy('not a url', 'n')).toContain("connect-src 'self';");
  });
});
