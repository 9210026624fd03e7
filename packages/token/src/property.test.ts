// Thousands of random inputs: mint answers a token or a TokenError; the handler answers 2xx or
// 4xx JSON. Never a crash, never a 5xx.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { API_KEY, API_SECRET } from '../test/jwt-cases';
import { createTokenHandler, createTokenMinter, isTokenError, type MintOptions } from './index';

const minter = createTokenMinter({ apiKey: API_KEY, apiSecret: API_SECRET });
const handler = createTokenHandler({
  minter,
  authorize: () => ({ identity: 'someone', role: 'viewer' }),
});

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', 'r', 'true', 'host'),
);
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.anything(),
);

const mintOptions = fc.record(
  {
    identity: fc.oneof(text, anyValue),
    room: fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/), text, anyValue),
    role: fc.oneof(fc.constantFrom('viewer', 'host', 'moderator'), anyValue),
    name: fc.oneof(text, anyValue),
    metadata: fc.oneof(text, anyValue),
    attributes: fc.oneof(fc.dictionary(text, text), anyValue),
    ttlSeconds: fc.oneof(fc.integer({ min: -10, max: 100_000 }), anyValue),
    grants: fc.oneof(
      fc.dictionary(
        fc.constantFrom('canPublish', 'hidden', 'canPublishSources', 'room', 'x'),
        anyValue,
      ),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);

// Always valid (fc.string is printable ASCII), so a third of the runs reach the success path,
// whatever the seed: a random record alone once went 3,000 runs without a valid one.
const validOptions = fc.record(
  {
    identity: fc.string({ minLength: 1, maxLength: 40 }),
    room: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$/),
    role: fc.constantFrom('viewer', 'host', 'moderator'),
    name: fc.string({ minLength: 1, maxLength: 40 }),
    ttlSeconds: fc.integer({ min: 60, max: 86_400 }),
  },
  { requiredKeys: ['identity', 'room', 'role'] },
);

test('mint: a token or a TokenError, whatever it is given', async () => {
  let minted = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(validOptions, mintOptions, anyValue), async (options) => {
      try {
        const token = await minter.mint(options as MintOptions);
        expect(token.split('.')).toHaveLength(3);
        minted++;
      } catch (error) {
        if (!isTokenError(error)) throw error;
      }
    }),
    { numRuns: 3000 },
  );
  // The generator must also reach the success path, or this test proves little.
  expect(minted).toBeGreaterThan(0);
});

const queryValue = fc.oneof(text, fc.constantFrom('spring-drop', 'Ana', 'true', 'false', '1'));
const query = fc.dictionary(fc.constantFrom('room', 'username', 'admin', 'x'), queryValue);

test('GET: 2xx or 4xx JSON for any query', async () => {
  const statuses = new Set<number>();
  await fc.assert(
    fc.asyncProperty(
      query,
      fc.array(fc.tuple(fc.constantFrom('room', 'admin'), queryValue), { maxLength: 2 }),
      async (params, extra) => {
        const search = new URLSearchParams(params);
        for (const [key, value] of extra) search.append(key, value);
        const response = await handler(
          new Request(`https://shop.example/api/livekit/token?${search}`),
        );
        statuses.add(response.status);
        expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(
          true,
        );
        await response.json();
      },
    ),
    { numRuns: 2000 },
  );
  expect(statuses.has(200)).toBe(true);
});

test('POST: 2xx or 4xx JSON for any body and content type', async () => {
  const body = fc.oneof(
    fc.json(),
    fc.string(),
    fc
      .record({ room: queryValue, username: queryValue, admin: fc.oneof(fc.boolean(), queryValue) })
      .map((o) => JSON.stringify(o)),
    fc.uint8Array({ maxLength: 6000 }),
  );
  await fc.assert(
    fc.asyncProperty(
      body,
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
      async (payload, type) => {
        const response = await handler(
          new Request('https://shop.example/api/livekit/token', {
            method: 'POST',
            headers: type ? { 'content-type': type } : {},
            body: payload,
          }),
        );
        expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(
          true,
        );
        await response.json();
      },
    ),
    { numRuns: 2000 },
  );
});
