import { describe, expect, test } from 'vitest';
import { buildClaims, type MintOptions } from './claims';
import { roles } from './roles';

const NOW_MS = Date.UTC(2026, 10, 24, 12, 0, 0, 500);
const NOW = Math.floor(NOW_MS / 1000);
const base: MintOptions = { identity: 'viewer-1', room: 'spring-drop', role: 'viewer' };

function codeOf(options: unknown): string {
  try {
    buildClaims(options as MintOptions, 'APIkey', NOW_MS);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'ok';
}

describe('buildClaims', () => {
  test('a participant kind other than standard is carried; standard and none leave it out', () => {
    expect(buildClaims({ ...base, kind: 'egress' }, 'APIkey', NOW_MS).kind).toBe('egress');
    expect(buildClaims({ ...base, kind: 'standard' }, 'APIkey', NOW_MS)).not.toHaveProperty('kind');
    expect(buildClaims(base, 'APIkey', NOW_MS)).not.toHaveProperty('kind');
    expect(codeOf({ ...base, kind: 'robot' })).toBe('invalid_request');
  });

  test('a viewer: explicit falses, the role attribute, two hours, LiveKit key order', () => {
    const claims = buildClaims({ ...base, name: 'Ana' }, 'APIkey', NOW_MS);
    expect(claims).toEqual({
      attributes: { 'show.role': 'viewer' },
      name: 'Ana',
      video: {
        canSubscribe: true,
        canPublish: false,
        canPublishData: true,
        canUpdateOwnMetadata: false,
        canSubscribeMetrics: false,
        hidden: false,
        recorder: false,
        roomAdmin: false,
        roomJoin: true,
        room: 'spring-drop',
      },
      iss: 'APIkey',
      exp: NOW + 7200,
      nbf: NOW,
      sub: 'viewer-1',
    });
    expect(Object.keys(claims)).toEqual([
      'attributes',
      'name',
      'video',
      'iss',
      'exp',
      'nbf',
      'sub',
    ]);
  });

  test('a host publishes camera, microphone and screen share and may update its attributes', () => {
    const { video, attributes } = buildClaims(
      { ...base, role: 'host', ttlSeconds: 60 },
      'k',
      NOW_MS,
    );
    expect(video).toMatchObject({
      canPublish: true,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
      canPublishData: true,
      canUpdateOwnMetadata: true,
    });
    expect(attributes).toEqual({ 'show.role': 'host' });
  });

  test('a moderator has exactly a viewer’s rights and its own role attribute', () => {
    const moderator = buildClaims({ ...base, role: 'moderator' }, 'k', NOW_MS);
    const viewer = buildClaims(base, 'k', NOW_MS);
    expect(moderator.video).toEqual(viewer.video);
    expect(moderator.attributes).toEqual({ 'show.role': 'moderator' });
  });

  test('metadata, attributes and grant changes are carried; the inputs are not mutated', () => {
    const options = Object.freeze({
      ...base,
      metadata: '{"tier":"gold"}',
      attributes: Object.freeze({ avatar: 'a.png' }),
      grants: Object.freeze({ hidden: true }),
    });
    const claims = buildClaims(options, 'k', NOW_MS);
    expect(claims.metadata).toBe('{"tier":"gold"}');
    expect(claims.attributes).toEqual({ avatar: 'a.png', 'show.role': 'viewer' });
    expect(claims.video?.hidden).toBe(true);
    expect(roles.viewer.grant.hidden).toBe(false);
  });

  test.each([
    ['empty identity', { identity: '' }, 'invalid_identity'],
    ['identity with a newline', { identity: 'a\nb' }, 'invalid_identity'],
    ['identity with a lone surrogate', { identity: 'a\ud800' }, 'invalid_identity'],
    ['identity of 257 bytes', { identity: 'é'.repeat(128) + 'x' }, 'invalid_identity'],
    ['identity of 256 bytes', { identity: 'é'.repeat(128) }, 'ok'],
    ['identity that is a number', { identity: 42 }, 'invalid_identity'],
    ['empty room', { room: '' }, 'invalid_room'],
    ['room with a slash', { room: 'a/b' }, 'invalid_room'],
    ['room starting with a dot', { room: '.hidden' }, 'invalid_room'],
    ['room of 257 characters', { room: 'r'.repeat(257) }, 'invalid_room'],
    ['room with unicode', { room: 'café' }, 'invalid_room'],
    ['unknown role', { role: 'admin' }, 'invalid_role'],
    ['ttl below a minute', { ttlSeconds: 59 }, 'invalid_ttl'],
    ['ttl above a day', { ttlSeconds: 86_401 }, 'invalid_ttl'],
    ['fractional ttl', { ttlSeconds: 90.5 }, 'invalid_ttl'],
    ['ttl as a string', { ttlSeconds: '3600' }, 'invalid_ttl'],
    ['ttl of exactly a day', { ttlSeconds: 86_400 }, 'ok'],
    ['name with a control character', { name: 'a\u0007' }, 'invalid_name'],
    ['metadata over 64 kB', { metadata: 'm'.repeat(64_001) }, 'invalid_metadata'],
    ['attribute value that is a number', { attributes: { a: 1 } }, 'invalid_attributes'],
    ['forged role attribute', { attributes: { 'show.role': 'host' } }, 'invalid_attributes'],
    ['unknown grant', { grants: { canFly: true } }, 'unknown_grant'],
    ['grant of the wrong type', { grants: { canPublish: 'yes' } }, 'invalid_grant'],
    [
      'an empty source list (which means every source)',
      { grants: { canPublishSources: [] } },
      'invalid_grant',
    ],
    [
      'an unknown source',
      { grants: { canPublishSources: ['camera', 'hologram'] } },
      'invalid_grant',
    ],
    ['room in grants', { grants: { room: 'other' } }, 'invalid_grant'],
    ['roomJoin in grants', { grants: { roomJoin: false } }, 'invalid_grant'],
    ['an unknown option', { canPublish: true }, 'invalid_request'],
  ])('%s → %s', (_name, change, code) => {
    expect(codeOf({ ...base, ...change })).toBe(code);
  });

  test('options that are not an object are refused', () => {
    expect(codeOf(null)).toBe('invalid_request');
    expect(codeOf('viewer')).toBe('invalid_request');
  });
});
