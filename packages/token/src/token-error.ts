/** Every way `@show/token` can refuse; callers switch on `code`, never on message text. */
export type TokenErrorCode =
  // inputs to mint
  | 'invalid_credentials'
  | 'invalid_identity'
  | 'invalid_room'
  | 'invalid_name'
  | 'invalid_metadata'
  | 'invalid_attributes'
  | 'invalid_ttl'
  | 'invalid_role'
  | 'invalid_grant'
  | 'unknown_grant'
  // the request handler
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'rate_limited'
  /** The show has as many viewers as it takes (503 with Retry-After): watch another way, or later. */
  | 'room_full'
  | 'internal_error'
  // verifying tokens and webhooks
  | 'malformed_token'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'missing_claim'
  | 'body_hash_mismatch'
  | 'invalid_webhook'
  // LiveKit's room service
  | 'participant_not_found'
  | 'room_service_failed';

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
