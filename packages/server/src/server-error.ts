/** Every way a request to the show's server can be refused, each with one HTTP status. */
export type ShowServerErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'muted'
  | 'rate_limited'
  | 'storage_unavailable'
  | 'livekit_unavailable'
  | 'internal_error';

export const STATUS_OF: Readonly<Record<ShowServerErrorCode, number>> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  muted: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  livekit_unavailable: 502,
  storage_unavailable: 503,
};

/** A refusal with a stable `code`; the message is safe to show (it never repeats a secret). */
export class ShowServerError extends Error {
  override readonly name = 'ShowServerError';
  readonly code: ShowServerErrorCode;
  /** For `rate_limited`: how long until the next try may succeed. */
  readonly retryAfterMs: number | undefined;
  /** For `method_not_allowed`: the methods the route takes. */
  readonly allow: readonly string[] | undefined;

  constructor(
    code: ShowServerErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number; allow?: readonly string[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.allow = options.allow;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export function isShowServerError(value: unknown): value is ShowServerError {
  return value instanceof ShowServerError;
}
