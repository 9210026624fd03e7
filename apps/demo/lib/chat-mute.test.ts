import { describe, expect, test, vi } from 'vitest';
import { TokenError, type RoomService } from '@show/token';

vi.mock('server-only', () => ({}));
const { handleChatMute } = await import('./chat-mute');
const { createMemoryShowState } = await import('./show-state');
const { createStaffSession, SESSION_COOKIES } = await import('./staff-session');

const apiSecret = 'a-secret-for-the-tests-of-at-least-32-bytes';
const viewer = 'v-0b8d7a5e-7c1e-4a51-9d0e-2f3c4b5a6978';

function rooms(fail?: Error) {
  const calls: Array<[string, string, boolean]> = [];
  const service: RoomService = {
    updatePermission: async () => {},
    setChatMuted: async (room, identity, muted) => {
      calls.push([room, identity, muted]);
      if (fail) throw fail;
    },
  };
  return { calls, service };
}

function request(
  body: unknown,
  { role, headers }: { role?: 'host' | 'moderator'; headers?: Record<string, string> } = {},
) {
  const cookie = role
    ? `${SESSION_COOKIES[role]}=${createStaffSession(role, apiSecret).value}`
    : 'show_host=1.forged';
  return new Request('http://127.0.0.1:3000/api/shows/spring-drop/chat-mute', {
    method: 'POST',
    headers: {
      host: '127.0.0.1:3000',
      'content-type': 'application/json',
      cookie,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/shows/[room]/chat-mute', () => {
  test('a moderator mutes a viewer: remembered, and LiveKit told', async () => {
    const state = createMemoryShowState();
    const { calls, service } = rooms();
    const response = await handleChatMute(
      request({ identity: viewer, muted: true }, { role: 'moderator' }),
      'spring-drop',
      { apiSecret, rooms: service, state },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ identity: viewer, muted: true, applied: 'now' });
    expect(calls).toEqual([['spring-drop', viewer, true]]);
    expect(state.isChatMuted('spring-drop', viewer)).toBe(true);
  });

  test('behind a proxy, the browser’s host is the forwarded one', async () => {
    const { calls, service } = rooms();
    const response = await handleChatMute(
      request(
        { identity: viewer, muted: true },
        {
          role: 'moderator',
          headers: { origin: 'https://shop.example', 'x-forwarded-host': 'shop.example' },
        },
      ),
      'spring-drop',
      { apiSecret, rooms: service, state: createMemoryShowState() },
    );
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  test('someone who left is muted when they rejoin', async () => {
    const state = createMemoryShowState();
    const { service } = rooms(new TokenError('participant_not_found', 'gone'));
    const response = await handleChatMute(
      request({ identity: viewer, muted: true }, { role: 'host' }),
      'spring-drop',
      { apiSecret, rooms: service, state },
    );
    expect(await response.json()).toMatchObject({ applied: 'next-join' });
    expect(state.isChatMuted('spring-drop', viewer)).toBe(true);
  });

  test('LiveKit down: 502 that says the mute is saved', async () => {
    const state = createMemoryShowState();
    const { service } = rooms(new TokenError('room_service_failed', 'answered 500'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await handleChatMute(
      request({ identity: viewer, muted: true }, { role: 'moderator' }),
      'spring-drop',
      { apiSecret, rooms: service, state },
    );
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'livekit_unavailable' } });
    expect(state.isChatMuted('spring-drop', viewer)).toBe(true);
  });

  test.each([
    ['no session (a forged cookie)', request({ identity: viewer, muted: true }), 401],
    [
      'another site',
      request(
        { identity: viewer, muted: true },
        { role: 'moderator', headers: { origin: 'https://evil.example' } },
      ),
      403,
    ],
    [
      'a form post',
      request('identity=x', {
        role: 'moderator',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    ],
    ['the host', request({ identity: 'host', muted: true }, { role: 'moderator' }), 400],
    ['muted not a boolean', request({ identity: viewer, muted: 'yes' }, { role: 'host' }), 400],
    ['not JSON', request('{', { role: 'host' }), 400],
    [
      'a huge body',
      request({ identity: viewer, muted: true, pad: 'x'.repeat(2000) }, { role: 'host' }),
      400,
    ],
  ])('%s is refused (%#) and nothing is muted', async (_name, req, status) => {
    const state = createMemoryShowState();
    const { calls, service } = rooms();
    const response = await handleChatMute(req, 'spring-drop', {
      apiSecret,
      rooms: service,
      state,
    });
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toEqual(expect.any(String));
    expect(calls).toEqual([]);
    expect(state.isChatMuted('spring-drop', viewer)).toBe(false);
  });
});
