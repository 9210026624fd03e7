import { expect, test } from 'vitest';
import { roles, type ShowRole } from './roles';

// The server treats an absent canPublish/canSubscribe as true and canPublishData as canPublish;
// every preset must write them, so no default ever decides what a person may do.
const SERVER_DEFAULTED = [
  'canPublish',
  'canSubscribe',
  'canPublishData',
  'canUpdateOwnMetadata',
  'canSubscribeMetrics',
  'hidden',
];

test.each(['viewer', 'host', 'moderator'] satisfies ShowRole[])(
  '%s writes every defaulted grant',
  (role) => {
    const grant = roles[role].grant as Record<string, unknown>;
    for (const key of SERVER_DEFAULTED) expect(typeof grant[key], key).toBe('boolean');
    if ('canPublishSources' in grant)
      expect((grant.canPublishSources as unknown[]).length).toBeGreaterThan(0);
  },
);

test('only the host may publish media or change its own attributes', () => {
  expect(roles.viewer.grant).toMatchObject({ canPublish: false, canUpdateOwnMetadata: false });
  expect(roles.moderator.grant).toMatchObject({ canPublish: false, canUpdateOwnMetadata: false });
  expect(roles.host.grant).toMatchObject({ canPublish: true, canUpdateOwnMetadata: true });
});

test('the presets cannot be changed at run time', () => {
  expect(Object.isFrozen(roles)).toBe(true);
  expect(Object.isFrozen(roles.viewer.grant)).toBe(true);
  expect(() => {
    (roles.viewer.grant as { canPublish: boolean }).canPublish = true;
  }).toThrow(TypeError);
});
