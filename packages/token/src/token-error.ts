/** Every way `@show/token` can refuse; callers switch on `code`, never on message text. */
export type TokenErrorCode =
  | 'invalid_identity'
  | 'invalid_room'
  | 'invalid_ttl'
  | 'unknown_grant'
  | 'unauthorized'
  | 'forbidden'
  | 'bad_signature'
  | 'expired'
  | 'body_hash_mismatch';

/** The one error class of `@show/token`: a stable `code`, a clear message, and the `cause`. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly code: TokenErrorCode;

  constructor(code: TokenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Narrows an unknown thrown value, across bundle copies of this package too. */
export function isTokenError(value: unknown): value is TokenError {
  return (
    value instanceof Error &&
    value.name === 'TokenError' &&
    typeof (value as TokenError).code === 'string'
  );
}
