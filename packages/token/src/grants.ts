import { TokenError } from './token-error';
import { checkRoom, isPlainObject } from './validate';

/** The media a participant may publish, as LiveKit names them in tokens. */
export const TRACK_SOURCES = [
  'camera',
  'microphone',
  'screen_share',
  'screen_share_audio',
] as const;
export type TrackSourceName = (typeof TRACK_SOURCES)[number];

/**
 * LiveKit's `video` grant. Beware the server's defaults: an absent `canPublish` or `canSubscribe`
 * means *true*, an absent `canPublishData` follows `canPublish`, and an empty `canPublishSources`
 * means *every* source. The role presets therefore write each of them out.
 */
export interface VideoGrant {
  roomJoin?: boolean;
  room?: string;
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  canPublishSources?: readonly TrackSourceName[];
  canUpdateOwnMetadata?: boolean;
  canSubscribeMetrics?: boolean;
  hidden?: boolean;
  recorder?: boolean;
  agent?: boolean;
  roomAdmin?: boolean;
  roomList?: boolean;
  roomCreate?: boolean;
  roomRecord?: boolean;
  ingressAdmin?: boolean;
  canManageAgentSession?: boolean;
  destinationRoom?: string;
}

const BOOLEAN_KEYS = new Set<string>([
  'roomJoin',
  'canPublish',
  'canSubscribe',
  'canPublishData',
  'canUpdateOwnMetadata',
  'canSubscribeMetrics',
  'hidden',
  'recorder',
  'agent',
  'roomAdmin',
  'roomList',
  'roomCreate',
  'roomRecord',
  'ingressAdmin',
  'canManageAgentSession',
]);
const STRING_KEYS = new Set<string>(['room', 'destinationRoom']);

/**
 * Checks a video grant and returns a copy (the input is never mutated). Unknown keys, wrong types,
 * sources outside the four, an empty source list, and `roomJoin` without a room are refused.
 */
export function checkVideoGrant(grant: unknown): VideoGrant {
  if (!isPlainObject(grant)) throw new TokenError('invalid_grant', 'grants must be an object.');
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(grant)) {
    if (value === undefined) continue;
    if (BOOLEAN_KEYS.has(key)) {
      if (typeof value !== 'boolean')
        throw new TokenError('invalid_grant', `${key} must be true or false.`);
      copy[key] = value;
    } else if (STRING_KEYS.has(key)) {
      checkRoom(value);
      copy[key] = value;
    } else if (key === 'canPublishSources') {
      copy[key] = checkSources(value);
    } else {
      throw new TokenError(
        'unknown_grant',
        `${JSON.stringify(key.slice(0, 64))} is not a LiveKit video grant.`,
      );
    }
  }
  if (copy.roomJoin === true && typeof copy.room !== 'string') {
    throw new TokenError('invalid_grant', 'roomJoin needs a room.');
  }
  return copy as VideoGrant;
}

function checkSources(value: unknown): TrackSourceName[] {
  if (!Array.isArray(value) || value.length === 0) {
    // An empty list would let the server allow every source: never write one.
    throw new TokenError(
      'invalid_grant',
      `canPublishSources must list one or more of ${TRACK_SOURCES.join(', ')}.`,
    );
  }
  const sources = new Set<TrackSourceName>();
  for (const source of value) {
    if (!(TRACK_SOURCES as readonly unknown[]).includes(source)) {
      throw new TokenError(
        'invalid_grant',
        `canPublishSources may hold only ${TRACK_SOURCES.join(', ')}.`,
      );
    }
    sources.add(source as TrackSourceName);
  }
  return [...sources];
}
