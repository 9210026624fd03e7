import 'server-only';

/** The demo's configuration, read on the server at request time, never inlined into the client. */
export interface DemoConfig {
  /** Where browsers connect: ws(s)://host:port of a LiveKit server. */
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The studio's passcode (SHOW_HOST_PASSCODE); without it nobody can sign in as host. */
  hostPasscode: string | undefined;
}

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

  if (hostPasscode !== undefined && hostPasscode.length < 8) {
    problems.push(
      'SHOW_HOST_PASSCODE must be at least 8 characters (or unset to close the studio).',
    );
  }

  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, config: { livekitUrl, apiKey, apiSecret, hostPasscode } };
}

/** The HTTP(S) address of the same server, for server-to-server calls. */
export function livekitHttpUrl(livekitUrl: string): string {
  return livekitUrl.replace(/^ws/, 'http');
}
