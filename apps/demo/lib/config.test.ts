import { describe, expect, test, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { livekitHttpUrl, readConfig } = await import('./config');
const SESSION = 'a-session-secret-of-32-bytes-or-more';
const STRONG = 'a-livekit-api-secret-of-32-characters';

describe('readConfig', () => {
  test('accepts a complete configuration', () => {
    expect(
      readConfig({
        NEXT_PUBLIC_LIVEKIT_URL: 'wss://live.example.com',
        LIVEKIT_API_KEY: 'k',
        LIVEKIT_API_SECRET: STRONG,
        SHOW_SESSION_SECRET: SESSION,
      }),
    ).toEqual({
      ok: true,
      config: {
        livekitUrl: 'wss://live.example.com',
        apiKey: 'k',
        apiSecret: STRONG,
        hostPasscode: undefined,
        moderatorPasscode: undefined,
        serverUrl: 'wss://live.example.com',
        sessionSecret: SESSION,
        databaseUrl: 'sqlite:.data/show.sqlite',
        redisUrl: undefined,
        localDev: false,
        trustedProxyHops: 0,
        maxParticipants: 1000,
        maxViewers: 980,
        metricsToken: undefined,
      },
    });
  });

  test('sessions need a secret of their own; storage URLs are checked', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'wss://h:1',
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

  test('recordings go to an S3 bucket when one is configured, with its keys; problems in words', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'wss://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 'the-livekit-secret-that-is-long-enough!',
      SHOW_SESSION_SECRET: SESSION,
    };
    const read = (env: Record<string, string>) => readConfig({ ...base, ...env });
    const s3 = {
      SHOW_RECORDINGS_DIR: '/var/show/recordings',
      SHOW_S3_BUCKET: 'shows',
      SHOW_S3_ACCESS_KEY_ID: 'AKIA-EXAMPLE',
      SHOW_S3_SECRET_ACCESS_KEY: 'a-storage-secret-never-echoed',
      SHOW_S3_ENDPOINT: 'https://s3.example.net',
    };
    const ok = read(s3);
    expect(ok.ok && ok.config.recordingsS3).toEqual({
      bucket: 'shows',
      accessKey: 'AKIA-EXAMPLE',
      secret: 'a-storage-secret-never-echoed',
      endpoint: 'https://s3.example.net',
    });
    const none = read({});
    expect(none.ok && none.config.recordingsS3).toBeUndefined();
    const problems = (env: Record<string, string>) => {
      const result = read(env);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ ...s3, SHOW_RECORDINGS_DIR: '', SHOW_S3_SECRET_ACCESS_KEY: '' })).toEqual([
      'SHOW_S3_BUCKET needs SHOW_RECORDINGS_DIR: recordings are made there, then copied.',
      'SHOW_S3_BUCKET needs SHOW_S3_ACCESS_KEY_ID and SHOW_S3_SECRET_ACCESS_KEY.',
    ]);
    expect(problems({ ...s3, SHOW_S3_ENDPOINT: 'minio:9000' })).toEqual([
      'SHOW_S3_ENDPOINT must start with http:// or https:// followed by a host.',
    ]);
    expect(problems({ SHOW_S3_SECRET_ACCESS_KEY: 'a-storage-secret-never-echoed' })).toEqual([
      'SHOW_S3_BUCKET is required when any other SHOW_S3_ setting is set.',
    ]);
  });

  test('a passcode too short to resist guessing is a problem', () => {
    const base = {
      NEXT_PUBLIC_LIVEKIT_URL: 'wss://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: STRONG,
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
      NEXT_PUBLIC_LIVEKIT_URL: 'wss://h:1',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: STRONG,
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
      LIVEKIT_API_SECRET: STRONG,
      SHOW_SESSION_SECRET: SESSION,
    };
    const inside = readConfig({ ...base, LIVEKIT_URL: 'https://livekit.internal:7880' });
    expect(inside.ok && inside.config.serverUrl).toBe('https://livekit.internal:7880');
    const local = readConfig({ ...base, LIVEKIT_URL: 'http://127.0.0.1:7880' });
    expect(local.ok && local.config.serverUrl).toBe('http://127.0.0.1:7880');
    // Plain HTTP across a network carries an admin token anyone on the path can read.
    expect(readConfig({ ...base, LIVEKIT_URL: 'http://livekit:7880' })).toEqual({
      ok: false,
      problems: [
        'The room service would be called over plain HTTP on the network (LIVEKIT_URL, else NEXT_PUBLIC_LIVEKIT_URL): each call carries an admin token. Use https:// or wss://, or a LiveKit on this machine.',
      ],
    });
    const prefixTrick = readConfig({
      ...base,
      NEXT_PUBLIC_LIVEKIT_URL: 'ws://127.0.0.1.example.com',
    });
    expect(prefixTrick.ok).toBe(false);
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

describe('what only local development allows', () => {
  const base = {
    NEXT_PUBLIC_LIVEKIT_URL: 'ws://127.0.0.1:7880',
    LIVEKIT_API_KEY: 'devkey',
    SHOW_SESSION_SECRET: SESSION,
  };
  const WEAK =
    'LIVEKIT_API_SECRET is weak or well known: use at least 32 random characters (set SHOW_LOCAL_DEV=1 only for development on this machine).';

  test("LiveKit's well-known dev secret or a short one is refused, whatever the URL", () => {
    for (const secret of ['secret', 'x'.repeat(31)]) {
      expect(readConfig({ ...base, LIVEKIT_API_SECRET: secret })).toEqual({
        ok: false,
        problems: [WEAK],
      });
    }
  });

  test('SHOW_LOCAL_DEV=1 allows them, and says so in the configuration', () => {
    const dev = readConfig({ ...base, LIVEKIT_API_SECRET: 'secret', SHOW_LOCAL_DEV: '1' });
    expect(dev.ok && dev.config.localDev).toBe(true);
    const networkHttp = readConfig({
      ...base,
      LIVEKIT_API_SECRET: 'secret',
      SHOW_LOCAL_DEV: '1',
      LIVEKIT_URL: 'http://livekit:7880',
    });
    expect(networkHttp.ok).toBe(true);
    // Anything but "1" is not local development.
    expect(readConfig({ ...base, LIVEKIT_API_SECRET: 'secret', SHOW_LOCAL_DEV: 'true' }).ok).toBe(
      false,
    );
  });
});

test('proxy trust and the participant ceiling are whole numbers in range', () => {
  const base = {
    NEXT_PUBLIC_LIVEKIT_URL: 'wss://live.example.com',
    LIVEKIT_API_KEY: 'k',
    LIVEKIT_API_SECRET: STRONG,
    SHOW_SESSION_SECRET: SESSION,
  };
  const ok = readConfig({ ...base, TRUSTED_PROXY_HOPS: '1', SHOW_MAX_PARTICIPANTS: '300' });
  expect(
    ok.ok && [ok.config.trustedProxyHops, ok.config.maxParticipants, ok.config.maxViewers],
  ).toEqual([1, 300, 280]);
  const viewers = readConfig({ ...base, SHOW_MAX_PARTICIPANTS: '300', SHOW_MAX_VIEWERS: '250' });
  expect(viewers.ok && viewers.config.maxViewers).toBe(250);
  const tooMany = readConfig({ ...base, SHOW_MAX_PARTICIPANTS: '300', SHOW_MAX_VIEWERS: '301' });
  expect(tooMany.ok ? [] : tooMany.problems).toEqual([
    'SHOW_MAX_VIEWERS must be a whole number from 1 to SHOW_MAX_PARTICIPANTS.',
  ]);
  const bad = readConfig({ ...base, TRUSTED_PROXY_HOPS: 'yes', SHOW_MAX_PARTICIPANTS: '1' });
  expect(bad.ok ? [] : bad.problems).toEqual([
    'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10: how many proxies in front of the app append to X-Forwarded-For.',
    'SHOW_MAX_PARTICIPANTS must be a whole number from 2 to 100000.',
  ]);
});

test('livekitHttpUrl maps ws to http and wss to https', () => {
  expect(livekitHttpUrl('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880');
  expect(livekitHttpUrl('wss://live.example.com')).toBe('https://live.example.com');
});
