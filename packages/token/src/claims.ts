import { checkVideoGrant, type VideoGrant } from './grants';
import { ROLE_ATTRIBUTE, isShowRole, roles, type ShowRole } from './roles';
import { TokenError } from './token-error';
import {
  checkAttributes,
  checkIdentity,
  checkMetadata,
  checkName,
  checkRoom,
  checkTtl,
  isPlainObject,
  limits,
} from './validate';

/** The claims of a LiveKit access token, as minted and as verified. */
export interface AccessTokenClaims {
  /** The API key. */
  iss: string;
  /** The participant identity. */
  sub?: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** Not before, in seconds since the epoch. */
  nbf?: number;
  video?: VideoGrant;
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  kind?: string;
  /** Webhook tokens only: base64 SHA-256 of the request body. */
  sha256?: string;
}

export interface MintOptions {
  identity: string;
  room: string;
  role: ShowRole;
  /** Display name. */
  name?: string;
  metadata?: string;
  /** Participant attributes; `show.role` is set by the role and cannot be given here. */
  attributes?: Record<string, string>;
  /** From 60 s to 24 h; default 2 h. */
  ttlSeconds?: number;
  /** Changes to the role's video grant, for the rare show that needs them. */
  grants?: Omit<VideoGrant, 'room' | 'roomJoin'>;
  /**
   * What LiveKit should take the participant for; default `standard` (a person). `egress` and
   * `agent` participants do not keep a room open on their own: a recorder should be `egress`.
   */
  kind?: ParticipantKind;
}

/** LiveKit's participant kinds, as its tokens carry them. */
export type ParticipantKind = 'standard' | 'ingress' | 'egress' | 'sip' | 'agent';
const PARTICIPANT_KINDS: ReadonlySet<string> = new Set<ParticipantKind>([
  'standard',
  'ingress',
  'egress',
  'sip',
  'agent',
]);

const OPTION_KEYS = new Set([
  'identity',
  'room',
  'role',
  'name',
  'metadata',
  'attributes',
  'ttlSeconds',
  'grants',
  'kind',
]);

/**
 * Checks mint options and builds the claims: pure, so tests can pin the clock with `nowMs`.
 * The key order matches what LiveKit's own SDK writes.
 */
export function buildClaims(
  options: MintOptions,
  apiKey: string,
  nowMs: number,
): AccessTokenClaims {
  if (!isPlainObject(options))
    throw new TokenError('invalid_request', 'mint options must be an object.');
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new TokenError(
        'invalid_request',
        `${JSON.stringify(key.slice(0, 64))} is not a mint option.`,
      );
    }
  }
  const {
    identity,
    room,
    role,
    name,
    metadata,
    attributes,
    ttlSeconds = limits.ttlDefaultSeconds,
    grants,
    kind,
  } = options;
  checkIdentity(identity);
  checkRoom(room);
  if (!isShowRole(role))
    throw new TokenError('invalid_role', 'role must be "viewer", "host" or "moderator".');
  checkTtl(ttlSeconds);
  if (kind !== undefined && !PARTICIPANT_KINDS.has(kind)) {
    throw new TokenError(
      'invalid_request',
      'kind must be "standard", "ingress", "egress", "sip" or "agent".',
    );
  }
  if (name !== undefined) checkName(name);
  if (metadata !== undefined) checkMetadata(metadata);
  if (attributes !== undefined) {
    checkAttributes(attributes);
    if (Object.hasOwn(attributes, ROLE_ATTRIBUTE)) {
      throw new TokenError('invalid_attributes', `${ROLE_ATTRIBUTE} is set by the role.`);
    }
  }
  let extra: VideoGrant = {};
  if (grants !== undefined) {
    extra = checkVideoGrant(grants);
    if ('room' in extra || 'roomJoin' in extra) {
      throw new TokenError(
        'invalid_grant',
        'room and roomJoin come from the room option, not from grants.',
      );
    }
  }

  const preset = roles[role];
  const claims: Record<string, unknown> = {};
  if (metadata !== undefined) claims.metadata = metadata;
  claims.attributes = { ...attributes, ...preset.attributes };
  if (name !== undefined) claims.name = name;
  claims.video = { ...preset.grant, ...extra, roomJoin: true, room };
  const now = Math.floor(nowMs / 1000);
  claims.iss = apiKey;
  claims.exp = now + ttlSeconds;
  claims.nbf = now;
  claims.sub = identity;
  if (kind !== undefined && kind !== 'standard') claims.kind = kind;
  return claims as unknown as AccessTokenClaims;
}

/**
 * Claims for calling LiveKit's server APIs (the room service): a grant and nothing else, no
 * identity and no `roomJoin`, so the token cannot be used to join a room as a participant.
 */
export function buildServerClaims(
  grant: VideoGrant,
  apiKey: string,
  nowMs: number,
  ttlSeconds: number = SERVER_TOKEN_TTL_SECONDS,
): AccessTokenClaims {
  const video = checkVideoGrant(grant);
  if (video.roomJoin) {
    throw new TokenError('invalid_grant', 'A server token cannot join rooms: mint one per person.');
  }
  checkTtl(ttlSeconds);
  const now = Math.floor(nowMs / 1000);
  return { video, iss: apiKey, exp: now + ttlSeconds, nbf: now };
}

/** Ten minutes: long enough to reuse for a burst of calls, short enough to be worthless if logged. */
export const SERVER_TOKEN_TTL_SECONDS = 600;
