/** The protected header of every token: `{"alg":"HS256"}`, as LiveKit's SDKs write it. */
export const HEADER_B64 = 'eyJhbGciOiJIUzI1NiJ9';

/** Longer tokens are refused before any parsing (the largest legitimate ones are ~130 kB). */
export const MAX_TOKEN_LENGTH = 200_000;
