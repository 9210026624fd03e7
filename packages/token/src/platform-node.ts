import { createHash, createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { AccessTokenClaims } from './claims';
import { constantTimeEqual } from './constant-time';
import { DEFAULT_LEEWAY_SECONDS, type Hashing, type Signing, type Verifying } from './platform';
import { TokenError } from './token-error';
import { HEADER_B64, MAX_TOKEN_LENGTH } from './token-format';
import { isPlainObject } from './validate';

/**
 * `node:crypto`: the fast path behind the `node` export condition. Its verifier keeps jose's
 * rules and order (header, algorithm, signature, claims), so both paths refuse the same tokens
 * with the same codes; a shared test matrix runs against both.
 */
export const nodeSigning: Signing = {
  base64url: (text) => Buffer.from(text, 'utf8').toString('base64url'),

  hs256(secret) {
    const key = createSecretKey(Buffer.from(secret, 'utf8'));
    return (signingInput) => createHmac('sha256', key).update(signingInput).digest('base64url');
  },
};

export const nodeVerifying: Verifying = {
  verifier({ apiKey, apiSecret, leewaySeconds = DEFAULT_LEEWAY_SECONDS }) {
    const key = createSecretKey(Buffer.from(apiSecret, 'utf8'));
    return async (jwt) => {
      const parts = typeof jwt === 'string' && jwt.length <= MAX_TOKEN_LENGTH ? jwt.split('.') : [];
      if (parts.length !== 3) throw malformed();
      const [header64, payload64, signature64] = parts as [string, string, string];

      // Our own header (and LiveKit's SDKs') needs no parsing.
      if (header64 !== HEADER_B64) {
        const header = parseJson(header64);
        if (!isPlainObject(header) || header.b64 !== undefined || header.crit !== undefined)
          throw malformed();
        if (header.alg !== 'HS256') throw malformed();
      }

      const expected = createHmac('sha256', key)
        .update(`${header64}.${payload64}`)
        .digest('base64url');
      // Comparing the text skips decoding; a non-canonical encoding of the same bytes, which jose
      // accepts, falls through to comparing bytes.
      if (!constantTimeEqual(signature64, expected)) {
        const given = decode(signature64);
        const wanted = Buffer.from(expected, 'base64url');
        if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
          throw new TokenError('bad_signature', 'The token signature does not match.');
        }
      }

      const claims = parseJson(payload64);
      if (!isPlainObject(claims)) throw malformed();
      checkClaims(claims, apiKey, leewaySeconds);
      return claims as unknown as AccessTokenClaims;
    };
  },
};

export const nodeHashing: Hashing = {
  async sha256Base64(body) {
    return createHash('sha256').update(body).digest('base64');
  },
};

/** jose's validateClaimsSet, for the claims we ask it to check, in its order. */
function checkClaims(claims: Record<string, unknown>, apiKey: string, leewaySeconds: number) {
  for (const claim of ['exp', 'iss']) {
    if (claims[claim] === undefined)
      throw new TokenError('missing_claim', `The token has no "${claim}" claim.`);
  }
  if (claims.iss !== apiKey)
    throw new TokenError('wrong_issuer', 'The token was issued for another API key.');
  const now = Math.floor(Date.now() / 1000);
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw malformed();
  if (claims.nbf !== undefined) {
    if (typeof claims.nbf !== 'number') throw malformed();
    if (claims.nbf > now + leewaySeconds)
      throw new TokenError('not_yet_valid', 'The token is not valid yet.');
  }
  if (typeof claims.exp !== 'number') throw malformed();
  if (claims.exp <= now - leewaySeconds) throw new TokenError('expired', 'The token has expired.');
}

function decode(part: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw malformed();
  return Buffer.from(part, 'base64url');
}

function parseJson(part: string): unknown {
  try {
    // Invalid UTF-8 becomes U+FFFD, as in jose's (non-fatal) decoder.
    return JSON.parse(decode(part).toString('utf8'));
  } catch (error) {
    if (error instanceof TokenError) throw error;
    throw malformed(error);
  }
}

function malformed(cause?: unknown) {
  return new TokenError('malformed_token', 'The token is not a valid HS256 JWT.', { cause });
}
