import { TokenError, type TokenErrorCode } from './token-error';

/** Limits every minted token respects; documented in the README. */
export const limits = Object.freeze({
  identityMaxBytes: 256,
  roomMaxBytes: 256,
  nameMaxBytes: 256,
  /** LiveKit's default `limit.max_metadata_size`. */
  metadataMaxBytes: 64_000,
  /** Keys, values and all together, as UTF-8. */
  attributesMaxBytes: 64_000,
  ttlMinSeconds: 60,
  ttlMaxSeconds: 24 * 60 * 60,
  /** Two hours: long enough for a show, short enough that a leaked token soon expires. */
  ttlDefaultSeconds: 2 * 60 * 60,
  /** A shorter HS256 secret can be brute-forced; LiveKit's server warns below 32 too. */
  secretMinBytes: 32,
});

/** Room names: ASCII letters and digits, then also `-`, `_` and `.`; safe in URLs and logs. */
export const ROOM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

// C0 and C1 control characters, and unpaired surrogates (which UTF-8 cannot carry faithfully).
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** UTF-8 length without encoding (allocation dominated minting). Assumes well-formed text. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4; // a surrogate pair: one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function checkText(
  value: unknown,
  what: string,
  code: TokenErrorCode,
  maxBytes: number,
): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TokenError(code, `${what} must be a non-empty string.`);
  }
  if (UNSAFE_TEXT.test(value)) {
    throw new TokenError(code, `${what} must not contain control characters or broken Unicode.`);
  }
  if (utf8Bytes(value) > maxBytes) {
    throw new TokenError(code, `${what} must be at most ${maxBytes} bytes of UTF-8.`);
  }
}

export function checkIdentity(identity: unknown): asserts identity is string {
  checkText(identity, 'identity', 'invalid_identity', limits.identityMaxBytes);
}

export function checkName(name: unknown): asserts name is string {
  checkText(name, 'name', 'invalid_name', limits.nameMaxBytes);
}

export function checkRoom(room: unknown): asserts room is string {
  checkText(room, 'room', 'invalid_room', limits.roomMaxBytes);
  if (!ROOM_PATTERN.test(room)) {
    throw new TokenError(
      'invalid_room',
      'room may contain only ASCII letters, digits, "-", "_" and ".", and must start with a letter or digit.',
    );
  }
}

export function checkMetadata(metadata: unknown): asserts metadata is string {
  if (typeof metadata !== 'string') {
    throw new TokenError('invalid_metadata', 'metadata must be a string.');
  }
  if (utf8Bytes(metadata) > limits.metadataMaxBytes) {
    throw new TokenError(
      'invalid_metadata',
      `metadata must be at most ${limits.metadataMaxBytes} bytes of UTF-8.`,
    );
  }
}

export function checkAttributes(attributes: unknown): asserts attributes is Record<string, string> {
  if (!isPlainObject(attributes)) {
    throw new TokenError('invalid_attributes', 'attributes must be an object of string values.');
  }
  let bytes = 0;
  for (const [key, value] of Object.entries(attributes)) {
    if (key.length === 0 || UNSAFE_TEXT.test(key)) {
      throw new TokenError(
        'invalid_attributes',
        'attribute keys must be non-empty, without control characters.',
      );
    }
    if (typeof value !== 'string') {
      throw new TokenError('invalid_attributes', 'attribute values must be strings.');
    }
    bytes += utf8Bytes(key) + utf8Bytes(value);
  }
  if (bytes > limits.attributesMaxBytes) {
    throw new TokenError(
      'invalid_attributes',
      `attributes must be at most ${limits.attributesMaxBytes} bytes of UTF-8 in all.`,
    );
  }
}

export function checkTtl(ttlSeconds: unknown): asserts ttlSeconds is number {
  if (
    typeof ttlSeconds !== 'number' ||
    !Number.isInteger(ttlSeconds) ||
    ttlSeconds < limits.ttlMinSeconds ||
    ttlSeconds > limits.ttlMaxSeconds
  ) {
    throw new TokenError(
      'invalid_ttl',
      `ttlSeconds must be a whole number from ${limits.ttlMinSeconds} to ${limits.ttlMaxSeconds}.`,
    );
  }
}

export interface Credentials {
  apiKey: string;
  apiSecret: string;
  /**
   * Refuse secrets shorter than 32 bytes. Default `true`; turn it off only for a local dev server
   * whose well-known secret is short (`livekit-server --dev` uses `secret`).
   */
  requireStrongSecret?: boolean;
}

/** Never echoes the key or the secret: a message says what is wrong, not what was given. */
export function checkCredentials(credentials: unknown): asserts credentials is Credentials {
  if (!isPlainObject(credentials)) {
    throw new TokenError('invalid_credentials', 'Give { apiKey, apiSecret }.');
  }
  const { apiKey, apiSecret, requireStrongSecret = true } = credentials;
  if (typeof apiKey !== 'string' || apiKey.trim().length === 0) {
    throw new TokenError('invalid_credentials', 'apiKey must be a non-empty string.');
  }
  if (typeof apiSecret !== 'string' || apiSecret.length === 0) {
    throw new TokenError('invalid_credentials', 'apiSecret must be a non-empty string.');
  }
  if (requireStrongSecret !== false && utf8Bytes(apiSecret) < limits.secretMinBytes) {
    throw new TokenError(
      'invalid_credentials',
      `apiSecret must be at least ${limits.secretMinBytes} bytes (set requireStrongSecret: false only for a local dev server).`,
    );
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
