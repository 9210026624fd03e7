import { describe, expect, test, vi } from 'vitest';
import { API_KEY, API_SECRET } from '../test/jwt-cases';
import {
  createTokenHandler,
  createTokenMinter,
  createTokenVerifier,
  TokenError,
  type Authorization,
  type TokenHandlerOptions,
} from './index';

const minter = createTokenMinter({ apiKey: API_KEY, apiSecret: API_SECRET });
const verifier = createTokenVerifier({ apiKey: API_KEY, apiSecret: API_SECRET });

/** The test app: a `session` cookie names the host; everyone else is an anonymous viewer. */
function authorize(request: Request): Authorization {
  const cookie = request.headers.get('cookie') ?? '';
  if (cookie.includes('session=host')) return { identity: 'host-1', role: 'host' };
  if (cookie.includes('session=mod')) return { identity: 'mod-1', role: 'moderator' };
  return { identity: 'viewer-7', role: 'viewer' };
}

function handler(options: Partial<TokenHandlerOptions> = {}) {
  return createTokenHandler({ minter, authorize, ...options });
}

const url = (query: string) => `https://shop.example/api/livekit/token?${query}`;

async function body(response: Response) {
  return (await response.json()) as Record<string, unknown> & {
    error?: { code: string; message: string };
  };
}

describe('createTokenHandler', () => {
  test("GET: the seed's contract, a viewer token that cannot publish, never cached", async () => {
    const response = await handler()(new Request(url('room=spring-drop&username=Ana')));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = await body(response);
    expect(json).toMatchObject({ identity: 'viewer-7', room: 'spring-drop', role: 'viewer' });
    const claims = await verifier.verify(json.token as string);
    expect(claims.video).toMatchObject({
      room: 'spring-drop',
      canPublish: false,
      canSubscribe: true,
    });
    expect(claims.name).toBe('Ana');
    expect(json.expiresAt).toBe(new Date(claims.exp * 1000).toISOString());
  });

  test('POST JSON works the same', async () => {
    const response = await handler()(
      new Request(url(''), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'session=host' },
        body: JSON.stringify({ room: 'spring-drop', username: ' Host ', admin: true }),
      }),
    );
    expect(response.status).toBe(200);
    const json = await body(response);
    expect(json).toMatchObject({ identity: 'host-1', role: 'host' });
    expect((await verifier.verify(json.token as string)).name).toBe('Host');
  });

  test('admin=true without a host session is 403, and no token is minted', async () => {
    const issue = vi.spyOn(minter, 'issue');
    const response = await handler()(new Request(url('room=spring-drop&username=Eve&admin=true')));
    expect(response.status).toBe(403);
    expect((await body(response)).error?.code).toBe('forbidden');
    expect(issue).not.toHaveBeenCalled();
    issue.mockRestore();
  });

  test('the request caps the role: a host without admin, or a moderator, joins without publish rights', async () => {
    const asHost = await body(
      await handler()(
        new Request(url('room=r&username=H'), { headers: { cookie: 'session=host' } }),
      ),
    );
    expect(asHost.role).toBe('viewer');
    const asMod = await body(
      await handler()(
        new Request(url('room=r&username=M'), { headers: { cookie: 'session=mod' } }),
      ),
    );
    expect(asMod.role).toBe('moderator');
    expect((await verifier.verify(asMod.token as string)).video?.canPublish).toBe(false);
  });

  test("authorize's grant changes reach the token: a muted viewer gets no data rights", async () => {
    const muted = handler({
      authorize: () => ({
        identity: 'viewer-7',
        role: 'viewer',
        grants: { canPublishData: false },
      }),
    });
    const response = await muted(new Request(url('room=spring-drop&username=Ana')));
    const claims = await verifier.verify(String((await body(response)).token));
    expect(claims.video).toMatchObject({ canPublishData: false, canPublish: false });
    expect(claims.video?.canSubscribe).toBe(true);
  });

  test('authorize returning null is 401', async () => {
    const response = await handler({ authorize: () => null })(
      new Request(url('room=r&username=a')),
    );
    expect(response.status).toBe(401);
    expect((await body(response)).error?.code).toBe('unauthorized');
  });

  test.each([
    ['no room', 'username=a', 400, 'invalid_room'],
    ['a bad room', 'room=../etc&username=a', 400, 'invalid_room'],
    ['no username', 'room=r', 400, 'invalid_name'],
    ['a blank username', 'room=r&username=%20%20', 400, 'invalid_name'],
    ['a username with a control character', 'room=r&username=a%00b', 400, 'invalid_name'],
    ['admin=maybe', 'room=r&username=a&admin=maybe', 400, 'invalid_request'],
    ['room given twice', 'room=r&room=s&username=a', 400, 'invalid_request'],
  ])('GET with %s → %i %s', async (_name, query, status, code) => {
    const response = await handler()(new Request(url(query)));
    expect(response.status).toBe(status);
    expect((await body(response)).error?.code).toBe(code);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test.each([
    ['text/plain', 'room=r', 415, 'unsupported_media_type'],
    ['application/json', '{not json', 400, 'invalid_request'],
    ['application/json', '[1]', 400, 'invalid_request'],
    ['application/json', '{"room":"r","username":"a","role":"host"}', 400, 'invalid_request'],
    [
      'application/json',
      JSON.stringify({ room: 'r', username: 'x'.repeat(5000) }),
      413,
      'payload_too_large',
    ],
  ])('POST %s %s → %i %s', async (type, payload, status, code) => {
    const response = await handler()(
      new Request(url(''), { method: 'POST', headers: { 'content-type': type }, body: payload }),
    );
    expect(response.status).toBe(status);
    expect((await body(response)).error?.code).toBe(code);
  });

  test('a body larger than its Content-Length claims is still cut off', async () => {
    const chunks = ['{"room":"r","username":"', 'y'.repeat(6000), '"}'];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const request = new Request(url(''), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
      body: stream,
      // @ts-expect-error -- `duplex` is required for stream bodies but missing from older lib types
      duplex: 'half',
    });
    expect((await handler()(request)).status).toBe(413);
  });

  test('other methods are 405', async () => {
    const response = await handler()(new Request(url('room=r&username=a'), { method: 'DELETE' }));
    expect(response.status).toBe(405);
    expect((await body(response)).error?.code).toBe('method_not_allowed');
  });

  test('rate limited → 429 with Retry-After, before any other work', async () => {
    const authorizeSpy = vi.fn(authorize);
    const response = await handler({
      authorize: authorizeSpy,
      rateLimit: () => ({ allowed: false, retryAfterSeconds: 2.2 }),
    })(new Request(url('room=r&username=a')));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(authorizeSpy).not.toHaveBeenCalled();
  });

  test('a full show → 503 room_full with Retry-After, not reported as a fault', async () => {
    const onError = vi.fn();
    const response = await handler({
      authorize: () => {
        throw new TokenError('room_full', 'The show is full.');
      },
      onError,
    })(new Request(url('room=r&username=a')));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect((await body(response)).error).toEqual({
      code: 'room_full',
      message: 'The show is full right now: try again in a while.',
    });
    expect(onError).not.toHaveBeenCalled();
  });

  test('production messages are generic: no input, no secret, no stack; development says what was wrong', async () => {
    const bad = url('room=%3Cscript%3E&username=a');
    const production = await body(await handler()(new Request(bad)));
    expect(production.error).toEqual({
      code: 'invalid_room',
      message: 'The request is not valid.',
    });
    const development = await body(await handler({ production: false })(new Request(bad)));
    expect(development.error?.message).toMatch(/^room may contain only/);
    expect(JSON.stringify(development)).not.toContain('<script>');
  });

  test('an authorize that crashes is a generic 500: the error goes to onError, never to the client', async () => {
    const onError = vi.fn();
    const failing = new Error(`database down, secret=${API_SECRET}`);
    const response = await handler({
      authorize: () => {
        throw failing;
      },
      onError,
      production: false,
    })(new Request(url('room=r&username=a')));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side.' },
    });
    expect(text).not.toContain(API_SECRET);
    expect(onError).toHaveBeenCalledWith(failing);
  });
});
