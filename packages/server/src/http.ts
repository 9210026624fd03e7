// The Fetch-API plumbing every handler shares: JSON bodies read with a byte limit, JSON answers
// with no-store, refusals as `{ error: { code, message } }`.
import { ShowServerError, isShowServerError } from './server-error';

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** Generic texts for production: a refusal's code says what happened, never more. */
const GENERIC: Partial<Record<number, string>> = {
  500: 'Something went wrong on our side.',
  502: 'The video server could not be reached.',
  503: 'The show cannot save this right now: try again shortly.',
};

/** Whole seconds to wait, at least one, as `Retry-After` says it. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export function errorResponse(error: ShowServerError, production: boolean): Response {
  const status = error.status;
  const message = production ? (GENERIC[status] ?? error.message) : error.message;
  const headers: Record<string, string> = {
    ...(error.retryAfterMs !== undefined && {
      'Retry-After': String(retryAfterSeconds(error.retryAfterMs)),
    }),
    ...(error.allow && { Allow: error.allow.join(', ') }),
  };
  return json(
    {
      error: {
        code: error.code,
        message,
        ...(error.retryAfterMs !== undefined && { retryAfterMs: Math.ceil(error.retryAfterMs) }),
      },
    },
    status,
    headers,
  );
}

/** Turns anything thrown into a 4xx/5xx answer; unexpected errors go to `onError`, not the client. */
export function refusal(
  error: unknown,
  production: boolean,
  onError: ((error: unknown) => void) | undefined,
): Response {
  if (isShowServerError(error)) {
    if (error.status >= 500) onError?.(error);
    return errorResponse(error, production);
  }
  onError?.(error);
  return errorResponse(new ShowServerError('internal_error', 'Unexpected error.'), true);
}

export function requireMethod(request: Request, ...methods: string[]): void {
  if (!methods.includes(request.method)) {
    throw new ShowServerError('method_not_allowed', `Use ${methods.join(' or ')}.`, {
      allow: methods,
    });
  }
}

/** A same-site check: a browser always sends Origin on a cross-site POST, and it must be ours. */
export function requireSameSite(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  const ours =
    request.headers.get('x-forwarded-host') ??
    request.headers.get('host') ??
    new URL(request.url).host;
  if (host !== ours) throw new ShowServerError('forbidden', 'Cross-site requests are refused.');
}

/** Reads a JSON object body of at most `maxBytes`, whatever Content-Length claims. */
export async function readJsonObject(
  request: Request,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new ShowServerError(
      'unsupported_media_type',
      'Send JSON (Content-Type: application/json).',
    );
  }
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
    throw new ShowServerError('payload_too_large', `The body must be at most ${maxBytes} bytes.`);
  }
  const text = await readText(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ShowServerError('invalid_request', 'The body is not valid JSON.', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShowServerError('invalid_request', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export async function readText(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ShowServerError('payload_too_large', `The body must be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new ShowServerError('invalid_request', 'The body is not UTF-8.', { cause });
  }
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function cookieHeader(
  name: string,
  value: string,
  { maxAgeSeconds, secure }: { maxAgeSeconds: number; secure: boolean },
): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/**
 * A time (ms since the epoch) from the query, `name=<digits>`; undefined when absent; a refusal
 * in words when it is anything else.
 */
export function timeParam(url: URL, name: string): number | undefined {
  const text = url.searchParams.get(name);
  if (text === null) return undefined;
  if (!/^\d{1,15}$/.test(text)) {
    throw new ShowServerError('invalid_request', `${name} must be a time in ms since the epoch.`);
  }
  return Number(text);
}
