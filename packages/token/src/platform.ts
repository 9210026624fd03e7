import type { AccessTokenClaims } from './claims';

// What differs between runtimes, in three parts so a bundle that only mints never pulls in the
// verifier. The default entry uses WebCrypto and jose (any runtime); the `node` entry uses
// `node:crypto`, which is several times faster. Both sign identical tokens, and their verifiers
// refuse the same tokens with the same codes (a shared test matrix runs against both).

export interface Signing {
  /** UTF-8 text to unpadded base64url. */
  base64url(text: string): string;
  /** Prepares the key once; the returned function signs `header.payload` into base64url. */
  hs256(secret: string): (signingInput: string) => string | Promise<string>;
}

export interface VerifierOptions {
  apiKey: string;
  apiSecret: string;
  /** Clock skew allowed for `exp` and `nbf`; default 60 s, as LiveKit's server allows. */
  leewaySeconds?: number;
}

export interface Verifying {
  /** Verifies a compact JWT and checks `exp` (required), `iss` and `nbf`; throws TokenError. */
  verifier(options: VerifierOptions): (jwt: string) => Promise<AccessTokenClaims>;
}

export interface Hashing {
  /** Standard padded base64 of SHA-256, as LiveKit puts in webhook tokens. */
  sha256Base64(body: string | Uint8Array): Promise<string>;
}

export const DEFAULT_LEEWAY_SECONDS = 60;
