import type { VideoGrant } from './grants';

/** The people of a live show. */
export type ShowRole = 'viewer' | 'host' | 'moderator';

/** The participant attribute that carries the role, so every client can badge hosts and moderators. */
export const ROLE_ATTRIBUTE = 'show.role';

export interface RolePreset {
  /** Grants besides `roomJoin` and `room`, which every role gets for its one room. */
  readonly grant: Readonly<VideoGrant>;
  /** Participant attributes set at join. */
  readonly attributes: Readonly<Record<string, string>>;
}

const watch = {
  canSubscribe: true,
  // No media: an absent canPublish would mean *true* at the server.
  canPublish: false,
  // Chat messages and reactions travel as data.
  canPublishData: true,
  // Viewers cannot rename themselves or forge the role attribute.
  canUpdateOwnMetadata: false,
  canSubscribeMetrics: false,
  hidden: false,
  recorder: false,
  roomAdmin: false,
} as const satisfies VideoGrant;

/**
 * The grant presets of each role. Every boolean the server would otherwise default is written out.
 *
 * - `viewer`: watches, chats and reacts; publishes no media; cannot change its own attributes.
 * - `host`: publishes camera, microphone and screen share; chats; updates its own attributes,
 *   which carry the pinned products.
 * - `moderator`: a viewer whose `show.role` attribute lets the app's server accept its moderation
 *   requests (deleting messages, muting a viewer's chat). Moderation goes through that server,
 *   never through extra client rights.
 */
export const roles: Readonly<Record<ShowRole, RolePreset>> = Object.freeze({
  viewer: Object.freeze({
    grant: Object.freeze({ ...watch }),
    attributes: Object.freeze({ [ROLE_ATTRIBUTE]: 'viewer' }),
  }),
  host: Object.freeze({
    grant: Object.freeze({
      ...watch,
      canPublish: true,
      canPublishSources: Object.freeze([
        'camera',
        'microphone',
        'screen_share',
        'screen_share_audio',
      ] as const),
      canUpdateOwnMetadata: true,
    }),
    attributes: Object.freeze({ [ROLE_ATTRIBUTE]: 'host' }),
  }),
  moderator: Object.freeze({
    grant: Object.freeze({ ...watch }),
    attributes: Object.freeze({ [ROLE_ATTRIBUTE]: 'moderator' }),
  }),
});

export function isShowRole(value: unknown): value is ShowRole {
  return value === 'viewer' || value === 'host' || value === 'moderator';
}
