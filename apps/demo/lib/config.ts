import 'server-only';

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
  const moderatorPasscode = env.SHOW_MODERATOR_PASSCODE || undefined;
  const serverUrl = env.LIVEKIT_URL?.trim() || livekitUrl;

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
  if (moderatorPasscode !== undefined && moderatorPasscode.length < 8) {
    problems.push(
      'SHOW_MODERATOR_PASSCODE must be at least 8 characters (or unset: nobody moderates).',
    );
  } else if (moderatorPasscode !== undefined && moderatorPasscode === hostPasscode) {
    problems.push(
      'SHOW_MODERATOR_PASSCODE must differ from SHOW_HOST_PASSCODE: moderators must not be able to go live.',
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
        config: { livekitUrl, apiKey, apiSecret, hostPasscode, moderatorPasscode, serverUrl },
      };
}

/** The HTTP(S) address of the same server, for server-to-server calls. */
export function livekitHttpUrl(url: string): string {
  return url.replace(/^ws/, 'http');
}
