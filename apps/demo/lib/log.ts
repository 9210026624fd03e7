import 'server-only';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Whatever could carry a secret is replaced before a line is written, wherever it appears: request
 * headers (cookies, authorization), tokens, the LiveKit and session secrets, passcodes.
 */
export const REDACTED = [
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'token',
  '*.token',
  'apiSecret',
  '*.apiSecret',
  'sessionSecret',
  '*.sessionSecret',
  'passcode',
  '*.passcode',
  'metricsToken',
  '*.metricsToken',
];

/** `LOG_LEVEL` when set; otherwise info in production, silent under test, debug in development. */
export function logLevel(env: Record<string, string | undefined> = process.env): string {
  if (env.LOG_LEVEL) return env.LOG_LEVEL;
  if (env.NODE_ENV === 'production') return 'info';
  if (env.NODE_ENV === 'test') return 'silent';
  return 'debug';
}

/** One JSON object per line on stdout (or `destination`), with the app's name on every line. */
export function createLog(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? logLevel(),
      base: { app: 'show-demo' },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    options.destination,
  );
}

const KEY = Symbol.for('show.demo.log');
type Holder = { [KEY]?: Logger };

/** The process's logger (every route shares it). */
export function log(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLog();
  return holder[KEY];
}
