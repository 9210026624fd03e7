import { describe, expect, test, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { livekitHttpUrl, readConfig } = await import('./config');
const SESSION = 'a-session-secret-of-32-bytes-or-more';

describe('readConfig', () => {
  test('accepts a complete configuration', () => {
    expect(
      readConfig({
        NEXT_PUBLIC_LIVEKIT_URL: 'wss://live.example.com',
        LIVEKIT_API_KEY: 'k',
        LIVEKIT_API_SECRET: 's',
        SHOW_SESSION_SECRET: SESSION,
      }),
    ).toEqual({
      ok: true,
      config: {
        livekitUrl: 'wss://live.example.com',
        apiKey: 'k',
        apiSecret: 's',
        hostPasscode: undefined,
        moderatorPasscode: undefined,
        serverUrl: 'wss://live.example.com',
        sessionSecret: SESSION,
        databaseUrl: 'sqlite:.data/show.sqlite',
        redisUrl: undefined,
      },
    });
  });

  test('sessions need a secret of their own; storage URLs are checked', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'ws://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 'the-livekit-secret-that-is-long-enough!',
    };
    const problems = (env: Record<string, string>) => {
      const result = readConfig({ ...base, ...env });
      return result.ok ? [] : result.problems;
    };
    expect(problems({})).toEqual([
      'SHOW_SESSION_SECRET must be at least 32 bytes (for example `openssl rand -base64 32`): it signs sessions, apart from the LiveKit secret.',
    ]);
    expect(problems({ SHOW_SESSION_SECRET: base.LIVEKIT_API_SECRET })).toEqual([
      'SHOW_SESSION_SECRET must differ from LIVEKIT_API_SECRET.',
    ]);
    expect(
      problems({ SHOW_SESSION_SECRET: SESSION, DATABASE_URL: 'mysql://x', REDIS_URL: 'http://r' }),
    ).toEqual([
      'DATABASE_URL must be postgres://… or sqlite:<file> (or unset for a local SQLite file).',
      'REDIS_URL must start with redis:// or rediss:// (or be unset: limits stay in memory).',
    ]);
    const shared = readConfig({
      ...base,
      SHOW_SESSION_SECRET: SESSION,
      DATABASE_URL: 'postgres://show@db/show',
      REDIS_URL: 'redis://cache:6379',
    });
    expect(shared.ok && [shared.config.databaseUrl, shared.config.redisUrl]).toEqual([
      'postgres://show@db/show',
      'redis://cache:6379',
    ]);
  });

  test('a passcode too short to resist guessing is a problem', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'ws://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
      SHOW_SESSION_SECRET: SESSION,
    };
    expect(readConfig({ ...base, SHOW_HOST_PASSCODE: '1234' })).toEqual({
      ok: false,
      problems: [
        'SHOW_HOST_PASSCODE must be at least 8 characters (or unset to close the studio).',
      ],
    });
    const ok = readConfig({ ...base, SHOW_HOST_PASSCODE: 'long enough' });
    expect(ok.ok && ok.config.hostPasscode).toBe('long enough');
  });

  test("moderators have a passcode of their own, never the host's", () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'ws://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
      SHOW_SESSION_SECRET: SESSION,
      SHOW_HOST_PASSCODE: 'the host passcode',
    };
    expect(readConfig({ ...base, SHOW_MODERATOR_PASSCODE: 'short' })).toEqual({
      ok: false,
      problems: [
        'SHOW_MODERATOR_PASSCODE must be at least 8 characters (or unset: nobody moderates).',
      ],
    });
    expect(readConfig({ ...base, SHOW_MODERATOR_PASSCODE: 'the host passcode' })).toEqual({
      ok: false,
      problems: [
        'SHOW_MODERATOR_PASSCODE must differ from SHOW_HOST_PASSCODE: moderators must not be able to go live.',
      ],
    });
    const ok = readConfig({ ...base, SHOW_MODERATOR_PASSCODE: 'the mods passcode' });
    expect(ok.ok && ok.config.moderatorPasscode).toBe('the mods passcode');
  });

  test('the server may reach LiveKit by another address (LIVEKIT_URL)', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'wss://live.example.com',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
      SHOW_SESSION_SECRET: SESSION,
    };
    const inside = readConfig({ ...base, LIVEKIT_URL: 'http://livekit:7880' });
    expect(inside.ok && inside.config.serverUrl).toBe('http://livekit:7880');
    expect(readConfig({ ...base, LIVEKIT_URL: 'livekit:7880' })).toEqual({
      ok: false,
      problems: [
        'LIVEKIT_URL must start with ws://, wss://, http:// or https:// followed by a host.',
      ],
    });
  });

  test('names every problem, one sentence each, and never echoes the secret', () => {
    const result = readConfig({ NEXT_PUBLIC_LIVEKIT_URL: 'http://nope', LIVEKIT_API_SECRET: '' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'NEXT_PUBLIC_LIVEKIT_URL must start with ws:// or wss:// followed by a host.',
        'LIVEKIT_API_KEY is not set: give the API key of the LiveKit server.',
        'LIVEKIT_API_SECRET is not set: give the API secret that belongs to LIVEKIT_API_KEY.',
        'SHOW_SESSION_SECRET must be at least 32 bytes (for example `openssl rand -base64 32`): it signs sessions, apart from the LiveKit secret.',
      ],
    });
  });
});

test('livekitHttpUrl maps ws to http and wss to https', () => {
  expect(livekitHttpUrl('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880');
  expect(livekitHttpUrl('wss://live.example.com')).toBe('https://live.example.com');
});
