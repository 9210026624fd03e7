import type { MintOptions } from './claims';
import type { IssuedToken, TokenMinter } from './minter';
import type { ShowRole } from './roles';
import { TokenError, isTokenError, type TokenErrorCode } from './token-error';
import { checkName, checkRoom } from './validate';

/** What a caller asked for, parsed and checked. */
export interface TokenRequestInput {
  room: string;
  /** The display name the person typed. */
  username: string;
  /** True when the caller asks for the host role (`admin=true`). */
  admin: boolean;
}

/** Who the caller is, as the app decides it. */
export interface Authorization {
  /** The participant identity: assign it on the server (two viewers may type the same name). */
  identity: string;
  /** The display name to mint, when the app cleans up what was typed (default: as typed). */
  name?: string;
  /** The most this caller may be; `admin=true` gets the host role only if this is `host`. */
  role: ShowRole;
  metadata?: string;
  attributes?: Record<string, string>;
  /** Changes to the role's grant: `{ canPublishData: false }` for a viewer whose chat is muted. */
  grants?: MintOptions['grants'];
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface TokenHandlerOptions {
  minter: TokenMinter;
  /**
   * Decides who the caller is and the most they may be. Return `null` (or throw a TokenError with
   * code `unauthorized`) to refuse with 401; throw one with code `room_full` when the show takes
   * no more viewers (503, `Retry-After: 30`; the page can offer another way to watch).
   */
  authorize(
    request: Request,
    input: TokenRequestInput,
  ): Authorization | null | Promise<Authorization | null>;
  /** Called first for every request; refuse with 429 and `Retry-After`. */
  rateLimit?(request: Request): RateLimitDecision | Promise<RateLimitDecision>;
  /** Token lifetime; default 2 h. */
  ttlSeconds?: number;
  /** Largest JSON body accepted; default 4 kB. */
  maxBodyBytes?: number;
  /**
   * Generic error messages that never repeat input (default `true`). Codes stay specific either way.
   * Turn off in development for messages that say exactly what was wrong.
   */
  production?: boolean;
  /** Sees every unexpected error (a failing `authorize`, say) for logging; never sent to clients. */
  onError?(error: unknown): void;
}

/** The JSON a successful request gets. */
export interface TokenResponseBody {
  token: string;
  identity: string;
  room: string;
  role: ShowRole;
  /** ISO 8601. */
  expiresAt: string;
}

const STATUS: Partial<Record<TokenErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  room_service_failed: 502,
  room_full: 503,
};

/** Seconds a viewer refused from a full show waits before asking again. */
const FULL_RETRY_AFTER_SECONDS = 30;

const GENERIC: Partial<Record<number, string>> = {
  400: 'The request is not valid.',
  401: 'Sign in first.',
  403: 'You may not join with that role.',
  405: 'Use GET or POST.',
  413: 'The request is too large.',
  415: 'Send JSON.',
  429: 'Too many requests: try again shortly.',
  500: 'Something went wrong on our side.',
  502: 'The video server could not be reached: try again shortly.',
  503: 'The show is full right now: try again in a while.',
};

/**
 * A token endpoint on the standard Fetch API (`Request` → `Response`): mount it unchanged in a
 * Next.js route handler, Hono, a worker, or Node's own server.
 *
 * Contract: `GET ?room=&username=&admin=` or a JSON `POST { room, username, admin }`
 * → `{ token, identity, room, role, expiresAt }`. Errors are `{ error: { code, message } }` with
 * 400/401/403/405/413/415/429, and 503 `room_full` (with `Retry-After`) when `authorize` throws
 * it; every response carries `Cache-Control: no-store`.
 */
export function createTokenHandler(
  options: TokenHandlerOptions,
): (request: Request) => Promise<Response> {
  const {
    minter,
    authorize,
    rateLimit,
    ttlSeconds,
    maxBodyBytes = 4096,
    production = true,
    onError,
  } = options;

  return async function handleTokenRequest(request) {
    try {
      if (request.method !== 'GET' && request.method !== 'POST') {
        throw new TokenError(
          'method_not_allowed',
          `${request.method} is not supported: use GET or POST.`,
        );
      }
      if (rateLimit) {
        const decision = await rateLimit(request);
        if (!decision.allowed) {
          return errorResponse(new TokenError('rate_limited', 'Too many requests.'), production, {
            'Retry-After': String(Math.max(1, Math.ceil(decision.retryAfterSeconds))),
          });
        }
      }
      const input =
        request.method === 'GET'
          ? fromQuery(new URL(request.url))
          : await fromBody(request, maxBodyBytes);

      const who = await authorize(request, input);
      if (!who) throw new TokenError('unauthorized', 'Sign in first.');
      if (input.admin && who.role !== 'host') {
        throw new TokenError('forbidden', 'Only a signed-in host may join as host.');
      }
      // The caller's request caps the role: a host who asks without admin joins as a viewer.
      const role: ShowRole = input.admin
        ? 'host'
        : who.role === 'moderator'
          ? 'moderator'
          : 'viewer';

      const issued: IssuedToken = await minter.issue({
        identity: who.identity,
        room: input.room,
        role,
        name: who.name ?? input.username,
        ...(who.metadata !== undefined && { metadata: who.metadata }),
        ...(who.attributes !== undefined && { attributes: who.attributes }),
        ...(who.grants !== undefined && { grants: who.grants }),
        ...(ttlSeconds !== undefined && { ttlSeconds }),
      });
      const body: TokenResponseBody = {
        token: issued.token,
        identity: who.identity,
        room: input.room,
        role,
        expiresAt: issued.expiresAt.toISOString(),
      };
      return json(200, body);
    } catch (error) {
      if (isTokenError(error)) {
        if (error.code === 'room_full') {
          // A full show is the app's decision, not a fault: nothing to report.
          return errorResponse(error, production, {
            'Retry-After': String(FULL_RETRY_AFTER_SECONDS),
          });
        }
        if (statusOf(error.code) >= 500) onError?.(error);
        return errorResponse(error, production);
      }
      onError?.(error);
      return errorResponse(
        new TokenError('internal_error', 'Unexpected error.', { cause: error }),
        true,
      );
    }
  };
}

function fromQuery(url: URL): TokenRequestInput {
  for (const key of ['room', 'username', 'admin']) {
    if (url.searchParams.getAll(key).length > 1) {
      throw new TokenError('invalid_request', `Give ${key} once.`);
    }
  }
  return checkInput({
    room: url.searchParams.get('room') ?? undefined,
    username: url.searchParams.get('username') ?? undefined,
    admin: url.searchParams.get('admin') ?? undefined,
  });
}

async function fromBody(request: Request, maxBodyBytes: number): Promise<TokenRequestInput> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new TokenError(
      'unsupported_media_type',
      'POST a JSON body (Content-Type: application/json).',
    );
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBodyBytes)
    throw new TokenError('payload_too_large', `The body must be at most ${maxBodyBytes} bytes.`);
  const text = await readLimited(request, maxBodyBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TokenError('invalid_request', 'The body is not valid JSON.', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TokenError('invalid_request', 'The body must be a JSON object.');
  }
  const { room, username, admin, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0)
    throw new TokenError('invalid_request', 'Only room, username and admin are accepted.');
  return checkInput({ room, username, admin });
}

/** Reads at most `limit` bytes, whatever Content-Length claimed. */
async function readLimited(request: Request, limit: number): Promise<string> {
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
      throw new TokenError('payload_too_large', `The body must be at most ${limit} bytes.`);
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
  } catch (error) {
    throw new TokenError('invalid_request', 'The body is not UTF-8.', { cause: error });
  }
}

function checkInput(raw: { room: unknown; username: unknown; admin: unknown }): TokenRequestInput {
  if (raw.room === undefined || raw.room === '')
    throw new TokenError('invalid_room', 'room is required.');
  checkRoom(raw.room);
  const username = typeof raw.username === 'string' ? raw.username.trim() : raw.username;
  if (username === undefined || username === '')
    throw new TokenError('invalid_name', 'username is required.');
  checkName(username);
  return { room: raw.room, username, admin: parseAdmin(raw.admin) };
}

function parseAdmin(value: unknown): boolean {
  if (value === undefined || value === false || value === 'false' || value === '0' || value === '')
    return false;
  if (value === true || value === 'true' || value === '1') return true;
  throw new TokenError('invalid_request', 'admin must be true or false.');
}

function statusOf(code: TokenErrorCode): number {
  return STATUS[code] ?? 400;
}

function errorResponse(
  error: TokenError,
  production: boolean,
  headers: Record<string, string> = {},
): Response {
  const status = statusOf(error.code);
  const message = production ? (GENERIC[status] ?? 'The request is not valid.') : error.message;
  return json(status, { error: { code: error.code, message } }, headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}
