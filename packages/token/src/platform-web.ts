import { errors, jwtVerify } from 'jose';
import { bytesToBase64, bytesToBase64url, textToBase64url } from './base64url';
import type { AccessTokenClaims } from './claims';
import { DEFAULT_LEEWAY_SECONDS, type Hashing, type Signing, type Verifying } from './platform';
import { TokenError } from './token-error';
import { MAX_TOKEN_LENGTH } from './token-format';

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

/** WebCrypto and jose: Node, Deno, Bun, edge runtimes and workers. */
export const webSigning: Signing = {
  base64url: textToBase64url,

  hs256(secret) {
    const key = hmacKey(secret, 'sign');
    return async (signingInput) =>
      bytesToBase64url(
        new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(signingInput))),
      );
  },
};

export const webVerifying: Verifying = {
  verifier({ apiKey, apiSecret, leewaySeconds = DEFAULT_LEEWAY_SECONDS }) {
    const key = hmacKey(apiSecret, 'verify');
    return async (jwt) => {
      if (typeof jwt !== 'string' || jwt.length > MAX_TOKEN_LENGTH) {
        throw new TokenError('malformed_token', 'The token is not a compact JWT.');
      }
      try {
        const { payload } = await jwtVerify(jwt, await key, {
          algorithms: ['HS256'],
          issuer: apiKey,
          requiredClaims: ['exp'],
          clockTolerance: leewaySeconds,
        });
        return payload as unknown as AccessTokenClaims;
      } catch (error) {
        throw fromJoseError(error);
      }
    };
  },
};

export const webHashing: Hashing = {
  async sha256Base64(body) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    return bytesToBase64(
      new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
    );
  },
};

function fromJoseError(error: unknown): TokenError {
  if (error instanceof errors.JWTExpired) {
    return new TokenError('expired', 'The token has expired.', { cause: error });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenError('bad_signature', 'The token signature does not match.', { cause: error });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss' && error.reason === 'check_failed') {
      return new TokenError('wrong_issuer', 'The token was issued for another API key.', {
        cause: error,
      });
    }
    if (error.reason === 'missing') {
      return new TokenError('missing_claim', `The token has no "${error.claim}" claim.`, {
        cause: error,
      });
    }
    if (error.claim === 'nbf' && error.reason === 'check_failed') {
      return new TokenError('not_yet_valid', 'The token is not valid yet.', { cause: error });
    }
  }
  return new TokenError('malformed_token', 'The token is not a valid HS256 JWT.', { cause: error });
}
