import { describe, expect, test, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { livekitHttpUrl, readConfig } = await import('./config');

describe('readConfig', () => {
  test('accepts a complete configuration', () => {
    expect(
      readConfig({
        NEXT_PUBLIC_LIVEKIT_URL: 'wss://live.example.com',
        LIVEKIT_API_KEY: 'k',
        LIVEKIT_API_SECRET: 's',
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
      },
    });
  });

  test('a passcode too short to resist guessing is a problem', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'ws://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
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
      ],
    });
  });
});

test('livekitHttpUrl maps ws to http and wss to https', () => {
  expect(livekitHttpUrl('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880');
  expect(livekitHttpUrl('wss://live.example.com')).toBe('https://live.example.com');
});
