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
