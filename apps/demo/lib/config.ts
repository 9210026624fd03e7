import 'server-only';
import { isLoopbackUrl } from '@show/token';

/** The demo's configuration, read on the server at request time, never inlined into the client. */
export interface DemoConfig {
  /** Where browsers connect: ws(s)://host:port of a LiveKit server. */
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The studio's passcode (SHOW_HOST_PASSCODE); without it nobody can sign in as host. */
  hostPasscode: string | undefined;
  /** Moderators' passcode (SHOW_MODERATOR_PASSCODE); without it nobody can sign in to moderate. */
  moderatorPasscode: string | undefined;
  /**
   * Where this server calls LiveKit's room service: LIVEKIT_URL when the server reaches LiveKit by
   * another address than browsers do, else the public URL.
   */
  serverUrl: string;
  /** Signs people's and staff's cookies (SHOW_SESSION_SECRET, at least 32 bytes). */
  sessionSecret: string;
  /** Where chat, mutes and the show's log are kept: DATABASE_URL, default a SQLite file. */
  databaseUrl: string;
  /** Shared limits and live counts for several instances (REDIS_URL); default in memory. */
  redisUrl: string | undefined;
  /**
   * SHOW_LOCAL_DEV=1: development on this machine. Allows LiveKit's well-known dev secret, cookies
   * without `Secure` (plain http://127.0.0.1 in any browser) and shows configuration problems on
   * the pages. Never set it on a server others can reach.
   */
  localDev: boolean;
  /**
   * TRUSTED_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For
   * (default 0: the header is not believed, and per-address limits become per-person ones).
   */
  trustedProxyHops: number;
  /** SHOW_MAX_PARTICIPANTS: most people in the show's room at once (default 1000). */
  maxParticipants: number;
  /**
   * SHOW_MAX_VIEWERS: most people in the audience before new viewers are sent to the stream
   * (default SHOW_MAX_PARTICIPANTS − 20: seats for the host, moderators, the recorder, second tabs).
   */
  maxViewers: number;
  /**
   * SHOW_METRICS_TOKEN: the bearer token Prometheus sends to `GET /api/metrics` (at least 16
   * characters). Unset, the route answers 404 to everyone.
   */
  metricsToken: string | undefined;
  /**
   * SHOW_RECORDINGS_DIR: record every show (MP4 and HLS, with ffmpeg) into this folder; unset, the
   * demo records nothing. `npm run demo` sets it to apps/demo/.data/recordings.
   */
  recordingsDir: string | undefined;
  /**
   * SHOW_S3_BUCKET (with SHOW_S3_ACCESS_KEY_ID and SHOW_S3_SECRET_ACCESS_KEY; SHOW_S3_ENDPOINT for
   * S3-compatible storage, SHOW_S3_REGION, SHOW_S3_PREFIX): each finished recording is copied
   * there too. Unset: recordings stay in SHOW_RECORDINGS_DIR only.
   */
  recordingsS3: RecordingsS3 | undefined;
}

export interface RecordingsS3 {
  bucket: string;
  accessKey: string;
  secret: string;
  endpoint?: string;
  region?: string;
  prefix?: string;
}

/** SHOW_S3_*, checked; problems are pushed in words (never with the secret). */
function recordingsS3(
  env: Record<string, string | undefined>,
  recordingsDir: string | undefined,
  problems: string[],
) {
  const bucket = env.SHOW_S3_BUCKET?.trim();
  const accessKey = env.SHOW_S3_ACCESS_KEY_ID?.trim();
  const secret = env.SHOW_S3_SECRET_ACCESS_KEY?.trim();
  const endpoint = env.SHOW_S3_ENDPOINT?.trim();
  const region = env.SHOW_S3_REGION?.trim();
  const prefix = env.SHOW_S3_PREFIX?.trim();
  if (!bucket) {
    if (accessKey || secret || endpoint) {
      problems.push('SHOW_S3_BUCKET is required when any other SHOW_S3_ setting is set.');
    }
    return undefined;
  }
  if (!recordingsDir) {
    problems.push(
      'SHOW_S3_BUCKET needs SHOW_RECORDINGS_DIR: recordings are made there, then copied.',
    );
  }
  if (!accessKey || !secret) {
    problems.push('SHOW_S3_BUCKET needs SHOW_S3_ACCESS_KEY_ID and SHOW_S3_SECRET_ACCESS_KEY.');
  }
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    problems.push('SHOW_S3_ENDPOINT must start with http:// or https:// followed by a host.');
  }
  return {
    bucket,
    accessKey: accessKey ?? '',
    secret: secret ?? '',
    ...(endpoint && { endpoint }),
    ...(region && { region }),
    ...(prefix && { prefix }),
  };
}

/** Secrets published in LiveKit's docs and examples: anyone can sign tokens with them. */
const WELL_KNOWN_SECRETS = new Set(['secret', 'devkey', 'devsecret', 'mysecret', 'changeme']);
const SECRET_MIN_LENGTH = 32;

function wholeNumber(text: string | undefined, fallback: number, max: number): number | undefined {
  const value = text?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
}

/** The embedded default: a SQLite file beside the app (git-ignored). */
export const DEFAULT_DATABASE_URL = 'sqlite:.data/show.sqlite';

export type ConfigResult = { ok: true; config: DemoConfig } | { ok: false; problems: string[] };

/**
 * Checks the three variables the seed names and says, one sentence each, what is wrong.
 * `env` is a parameter so the checks are testable without touching process.env.
 */
export function readConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const problems: string[] = [];
  const livekitUrl = env.NEXT_PUBLIC_LIVEKIT_URL?.trim() ?? '';
  const apiKey = env.LIVEKIT_API_KEY?.trim() ?? '';
  const apiSecret = env.LIVEKIT_API_SECRET ?? '';
  const hostPasscode = env.SHOW_HOST_PASSCODE || undefined;
  const moderatorPasscode = env.SHOW_MODERATOR_PASSCODE || undefined;
  const serverUrl = env.LIVEKIT_URL?.trim() || livekitUrl;
  const sessionSecret = env.SHOW_SESSION_SECRET ?? '';
  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const localDev = env.SHOW_LOCAL_DEV === '1';
  const trustedProxyHops = wholeNumber(env.TRUSTED_PROXY_HOPS, 0, 10);
  const maxParticipants = wholeNumber(env.SHOW_MAX_PARTICIPANTS, 1000, 100_000);
  const maxViewers = wholeNumber(
    env.SHOW_MAX_VIEWERS,
    Math.max(1, (maxParticipants ?? 1000) - 20),
    maxParticipants ?? 1000,
  );

  if (!livekitUrl) {
    problems.push(
      'NEXT_PUBLIC_LIVEKIT_URL is not set: give the LiveKit server URL, for example ws://127.0.0.1:7880.',
    );
  } else if (!/^wss?:\/\/[^/\s]+/.test(livekitUrl)) {
    problems.push('NEXT_PUBLIC_LIVEKIT_URL must start with ws:// or wss:// followed by a host.');
  }
  if (!apiKey) problems.push('LIVEKIT_API_KEY is not set: give the API key of the LiveKit server.');
  if (!apiSecret)
    problems.push(
      'LIVEKIT_API_SECRET is not set: give the API secret that belongs to LIVEKIT_API_KEY.',
    );

  if (
    apiSecret &&
    !localDev &&
    (apiSecret.length < SECRET_MIN_LENGTH || WELL_KNOWN_SECRETS.has(apiSecret.toLowerCase()))
  ) {
    problems.push(
      `LIVEKIT_API_SECRET is weak or well known: use at least ${SECRET_MIN_LENGTH} random characters (set SHOW_LOCAL_DEV=1 only for development on this machine).`,
    );
  }
  if (
    !localDev &&
    (env.LIVEKIT_URL?.trim() || /^wss?:\/\/[^/\s]+/.test(livekitUrl)) &&
    /^(ws|http):\/\//.test(serverUrl) &&
    !isLoopbackUrl(livekitHttpUrl(serverUrl))
  ) {
    problems.push(
      'The room service would be called over plain HTTP on the network (LIVEKIT_URL, else NEXT_PUBLIC_LIVEKIT_URL): each call carries an admin token. Use https:// or wss://, or a LiveKit on this machine.',
    );
  }
  if (trustedProxyHops === undefined) {
    problems.push(
      'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10: how many proxies in front of the app append to X-Forwarded-For.',
    );
  }
  if (maxParticipants === undefined || maxParticipants < 2) {
    problems.push('SHOW_MAX_PARTICIPANTS must be a whole number from 2 to 100000.');
  }
  if (maxViewers === undefined || maxViewers < 1) {
    problems.push('SHOW_MAX_VIEWERS must be a whole number from 1 to SHOW_MAX_PARTICIPANTS.');
  }
  if (hostPasscode !== undefined && hostPasscode.length < 8) {
    problems.push(
      'SHOW_HOST_PASSCODE must be at least 8 characters (or unset to close the studio).',
    );
  }
  if (moderatorPasscode !== undefined && moderatorPasscode.length < 8) {
    problems.push(
      'SHOW_MODERATOR_PASSCODE must be at least 8 characters (or unset: nobody moderates).',
    );
  } else if (moderatorPasscode !== undefined && moderatorPasscode === hostPasscode) {
    problems.push(
      'SHOW_MODERATOR_PASSCODE must differ from SHOW_HOST_PASSCODE: moderators must not be able to go live.',
    );
  }
  if (new TextEncoder().encode(sessionSecret).byteLength < 32) {
    problems.push(
      'SHOW_SESSION_SECRET must be at least 32 bytes (for example `openssl rand -base64 32`): it signs sessions, apart from the LiveKit secret.',
    );
  } else if (sessionSecret === apiSecret) {
    problems.push('SHOW_SESSION_SECRET must differ from LIVEKIT_API_SECRET.');
  }
  if (!/^(postgres(ql)?:\/\/|sqlite:)/i.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be postgres://… or sqlite:<file> (or unset for a local SQLite file).',
    );
  }
  if (redisUrl && !/^rediss?:\/\//i.test(redisUrl)) {
    problems.push(
      'REDIS_URL must start with redis:// or rediss:// (or be unset: limits stay in memory).',
    );
  }
  const recordingsDir = env.SHOW_RECORDINGS_DIR?.trim() || undefined;
  const s3 = recordingsS3(env, recordingsDir, problems);
  const metricsToken = env.SHOW_METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) {
    problems.push(
      'SHOW_METRICS_TOKEN must be at least 16 characters (or unset: no metrics are served).',
    );
  }
  if (env.LIVEKIT_URL?.trim() && !/^(wss?|https?):\/\/[^/\s]+/.test(serverUrl)) {
    problems.push(
      'LIVEKIT_URL must start with ws://, wss://, http:// or https:// followed by a host.',
    );
  }

  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        config: {
          livekitUrl,
          apiKey,
          apiSecret,
          hostPasscode,
          moderatorPasscode,
          serverUrl,
          sessionSecret,
          databaseUrl,
          redisUrl,
          localDev,
          trustedProxyHops: trustedProxyHops ?? 0,
          maxParticipants: maxParticipants ?? 1000,
          maxViewers: maxViewers ?? 1,
          metricsToken,
          recordingsDir,
          recordingsS3: s3,
        },
      };
}

/** The HTTP(S) address of the same server, for server-to-server calls. */
export function livekitHttpUrl(url: string): string {
  return url.replace(/^ws/, 'http');
}
