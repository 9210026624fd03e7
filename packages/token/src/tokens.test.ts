// Runtime-neutral: runs under Node and under the edge runtime, against the default entry.
import { describe, expect, test } from 'vitest';
import { API_KEY, API_SECRET, verificationCases } from '../test/jwt-cases';
import { createTokenMinter, createTokenVerifier, isTokenError, verifyToken } from './index';

const minter = createTokenMinter({ apiKey: API_KEY, apiSecret: API_SECRET });
const verifier = createTokenVerifier({ apiKey: API_KEY, apiSecret: API_SECRET });

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isTokenError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

describe('mint and verify (default entry)', () => {
  test('a minted token verifies to the claims it was minted with', async () => {
    const issued = await minter.issue({
      identity: 'ana',
      room: 'drop-1',
      role: 'host',
      name: 'Ana',
    });
    expect(await verifier.verify(issued.token)).toEqual(issued.claims);
    expect(issued.expiresAt.getTime()).toBe(issued.claims.exp * 1000);
    expect(issued.token.split('.')[0]).toBe('eyJhbGciOiJIUzI1NiJ9');
  });

  test('mint refuses bad options with a typed error, asynchronously', async () => {
    await expect(outcome(minter.mint({ identity: '', room: 'r', role: 'viewer' }))).resolves.toBe(
      'invalid_identity',
    );
  });

  test('verifyToken works without a prepared verifier', async () => {
    const token = await minter.mint({ identity: 'b', room: 'r', role: 'viewer' });
    await expect(
      verifyToken(token, { apiKey: API_KEY, apiSecret: API_SECRET }),
    ).resolves.toMatchObject({ sub: 'b' });
    await expect(
      outcome(verifyToken(token, { apiKey: API_KEY, apiSecret: API_SECRET, leewaySeconds: -1 })),
    ).resolves.toBe('invalid_request');
  });

  test('credentials: an empty key or a short secret is refused without echoing either', () => {
    const attempts = [
      () => createTokenMinter({ apiKey: '', apiSecret: API_SECRET }),
      () => createTokenMinter({ apiKey: API_KEY, apiSecret: 'short-secret' }),
    ];
    for (const attempt of attempts) {
      let message = '';
      try {
        attempt();
      } catch (error) {
        expect(isTokenError(error) && error.code).toBe('invalid_credentials');
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('short-secret');
      expect(message).not.toContain(API_SECRET);
    }
    expect(() =>
      createTokenMinter({ apiKey: 'devkey', apiSecret: 'secret', requireStrongSecret: false }),
    ).not.toThrow();
  });

  test('every verification case gets the expected outcome', async () => {
    for (const [name, token, expected] of await verificationCases()) {
      expect(await outcome(verifier.verify(token)), name).toBe(expected);
    }
  });
});
