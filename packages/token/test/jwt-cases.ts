// Hand-made JWTs for refusal tests, signed with WebCrypto so they run in every runtime.
import { textToBase64url, bytesToBase64url } from '../src/base64url';

export const API_KEY = 'APIshowTest';
export const API_SECRET = 'a-test-secret-that-is-32-bytes-long!';

export async function signRaw(
  header: unknown,
  payload: unknown,
  secret = API_SECRET,
): Promise<string> {
  const encode = (part: unknown) =>
    textToBase64url(typeof part === 'string' ? part : JSON.stringify(part));
  const input = `${encode(header)}.${encode(payload)}`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)),
  );
  return `${input}.${bytesToBase64url(signature)}`;
}

/** [name, token, the code both verifiers must refuse it with, or 'ok']. */
export async function verificationCases(): Promise<Array<[string, string, string]>> {
  const now = Math.floor(Date.now() / 1000);
  const hs256 = { alg: 'HS256' };
  const good = {
    iss: API_KEY,
    sub: 'a',
    exp: now + 600,
    nbf: now - 1,
    video: { roomJoin: true, room: 'r' },
  };
  const valid = await signRaw(hs256, good);
  const [h, p] = valid.split('.') as [string, string, string];
  const otherPayload = textToBase64url(JSON.stringify({ ...good, sub: 'mallory' }));
  // 32 bytes take 43 base64url characters whose last one carries two unused bits: flipping the
  // lowest gives another spelling of the same signature, which jose accepts.
  const signature = valid.split('.')[2] as string;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const respelled =
    signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1) as string) ^ 1];
  return [
    ['a valid token', valid, 'ok'],
    ['a typ header is fine', await signRaw({ alg: 'HS256', typ: 'JWT' }, good), 'ok'],
    [
      'expired 30 s ago, within the 60 s leeway',
      await signRaw(hs256, { ...good, exp: now - 30 }),
      'ok',
    ],
    ['expired 90 s ago', await signRaw(hs256, { ...good, exp: now - 90 }), 'expired'],
    [
      'valid from 30 s ahead, within the leeway',
      await signRaw(hs256, { ...good, nbf: now + 30 }),
      'ok',
    ],
    ['valid from 90 s ahead', await signRaw(hs256, { ...good, nbf: now + 90 }), 'not_yet_valid'],
    ['issued for another key', await signRaw(hs256, { ...good, iss: 'APIother' }), 'wrong_issuer'],
    ['no exp', await signRaw(hs256, { ...good, exp: undefined }), 'missing_claim'],
    ['no iss', await signRaw(hs256, { ...good, iss: undefined }), 'missing_claim'],
    ['exp as text', await signRaw(hs256, { ...good, exp: String(now + 600) }), 'malformed_token'],
    ['nbf as text', await signRaw(hs256, { ...good, nbf: 'now' }), 'malformed_token'],
    [
      'signed with another secret',
      await signRaw(hs256, good, 'another-secret-that-is-32-bytes-long'),
      'bad_signature',
    ],
    [
      'payload swapped after signing',
      `${h}.${otherPayload}.${valid.split('.')[2]}`,
      'bad_signature',
    ],
    ['signature cut short', valid.slice(0, -4), 'bad_signature'],
    ['the same signature spelled with other unused bits', `${h}.${p}.${respelled}`, 'ok'],
    ['alg none', `${textToBase64url('{"alg":"none"}')}.${p}.`, 'malformed_token'],
    ['alg HS512', await signRaw({ alg: 'HS512' }, good), 'malformed_token'],
    ['header that is not JSON', `${textToBase64url('hello')}.${p}.x`, 'malformed_token'],
    ['payload that is an array', await signRaw(hs256, [1, 2]), 'malformed_token'],
    ['two parts', `${h}.${p}`, 'malformed_token'],
    ['not base64url', '@@@.###.$$$', 'malformed_token'],
    ['empty', '', 'malformed_token'],
  ];
}
