import { buildClaims, buildServerClaims, type AccessTokenClaims, type MintOptions } from './claims';
import type { VideoGrant } from './grants';
import type { Signing, Verifying } from './platform';
import { HEADER_B64 } from './token-format';
import { TokenError } from './token-error';
import { checkCredentials, type Credentials } from './validate';

export interface IssuedToken {
  token: string;
  claims: AccessTokenClaims;
  expiresAt: Date;
}

export interface TokenMinter {
  /** A signed LiveKit access token for one person in one room. */
  mint(options: MintOptions): Promise<string>;
  /** The same, with the claims it carries and when it expires. */
  issue(options: MintOptions): Promise<IssuedToken>;
  /**
   * A token for LiveKit's server APIs, e.g. `{ roomAdmin: true, room }` for the room service.
   * It has no identity and cannot join a room. Keep it on the server.
   */
  mintServerToken(grant: VideoGrant, ttlSeconds?: number): Promise<string>;
}

export function minterFor(platform: Signing) {
  /** Checks the credentials and prepares the signing key once, for every token this minter makes. */
  return function createTokenMinter(credentials: Credentials): TokenMinter {
    checkCredentials(credentials);
    const { apiKey } = credentials;
    const sign = platform.hs256(credentials.apiSecret);

    async function signed(claims: AccessTokenClaims): Promise<string> {
      const signingInput = `${HEADER_B64}.${platform.base64url(JSON.stringify(claims))}`;
      const signature = sign(signingInput);
      return `${signingInput}.${typeof signature === 'string' ? signature : await signature}`;
    }

    async function issue(options: MintOptions): Promise<IssuedToken> {
      const claims = buildClaims(options, apiKey, Date.now());
      return { token: await signed(claims), claims, expiresAt: new Date(claims.exp * 1000) };
    }

    return {
      issue,
      mint: async (options) => (await issue(options)).token,
      mintServerToken: async (grant, ttlSeconds) =>
        signed(buildServerClaims(grant, apiKey, Date.now(), ttlSeconds)),
    };
  };
}

export interface TokenVerifier {
  verify(jwt: string): Promise<AccessTokenClaims>;
}

export type VerifyOptions = Credentials & {
  /** Clock skew allowed for `exp` and `nbf`, from 0 to 300 s; default 60 s (LiveKit's). */
  leewaySeconds?: number;
};

function checkVerifyOptions(options: VerifyOptions) {
  // Verifying never needs a strong secret: refusing a weak one is the minter's job.
  checkCredentials({ ...options, requireStrongSecret: false });
  const { leewaySeconds } = options;
  if (
    leewaySeconds !== undefined &&
    !(Number.isInteger(leewaySeconds) && leewaySeconds >= 0 && leewaySeconds <= 300)
  ) {
    throw new TokenError('invalid_request', 'leewaySeconds must be a whole number from 0 to 300.');
  }
}

export function verifierFor(platform: Verifying) {
  /** A verifier whose key is prepared once: HS256 only, `exp` required, `iss` must be the API key. */
  return function createTokenVerifier(options: VerifyOptions): TokenVerifier {
    checkVerifyOptions(options);
    return { verify: platform.verifier(options) };
  };
}

export function verifyOnceFor(platform: Verifying) {
  /** Verifies one token; for many, `createTokenVerifier` prepares the key once. */
  return async function verifyToken(
    jwt: string,
    options: VerifyOptions,
  ): Promise<AccessTokenClaims> {
    checkVerifyOptions(options);
    return platform.verifier(options)(jwt);
  };
}
