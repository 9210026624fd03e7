import { describe, expect, test } from 'vitest';
import { TokenError, isTokenError } from './token-error';

describe('TokenError', () => {
  test('carries a stable code, the message and the cause', () => {
    const cause = new Error('inner');
    const error = new TokenError('invalid_room', 'room is empty', { cause });
    expect(error).toBeInstanceOf(Error);
    expect({
      name: error.name,
      code: error.code,
      message: error.message,
      cause: error.cause,
    }).toEqual({
      name: 'TokenError',
      code: 'invalid_room',
      message: 'room is empty',
      cause,
    });
  });

  test('isTokenError tells our errors from others', () => {
    expect(isTokenError(new TokenError('expired', 'expired'))).toBe(true);
    expect(isTokenError(new Error('expired'))).toBe(false);
    expect(isTokenError({ name: 'TokenError', code: 'expired' })).toBe(false);
  });
});
