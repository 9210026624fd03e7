export { TokenError, isTokenError } from './token-error';
export type { TokenErrorCode } from './token-error';
