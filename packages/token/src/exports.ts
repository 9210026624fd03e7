// What every entry point exports besides the platform-bound functions.
export type { AccessTokenClaims, MintOptions, ParticipantKind } from './claims';
export { SERVER_TOKEN_TTL_SECONDS } from './claims';
export { TRACK_SOURCES, checkVideoGrant } from './grants';
export type { TrackSourceName, VideoGrant } from './grants';
export { createTokenHandler } from './handler';
export type {
  Authorization,
  RateLimitDecision,
  TokenHandlerOptions,
  TokenRequestInput,
  TokenResponseBody,
} from './handler';
export type { IssuedToken, TokenMinter, TokenVerifier, VerifyOptions } from './minter';
export { ROLE_ATTRIBUTE, isShowRole, roles } from './roles';
export {
  MAX_ROOM_METADATA_BYTES,
  MAX_SERVER_DATA_BYTES,
  createRoomService,
  isLoopbackUrl,
} from './room-service';
export type {
  CreateRoomOptions,
  ListedParticipant,
  ListedRoom,
  RoomService,
  RoomServiceOptions,
  SendDataOptions,
} from './room-service';
export type { RolePreset, ShowRole } from './roles';
export { TokenError, isTokenError } from './token-error';
export type { TokenErrorCode } from './token-error';
export { ROOM_PATTERN, limits } from './validate';
export type { Credentials } from './validate';
export { MAX_WEBHOOK_BYTES } from './webhook';
export type {
  WebhookEvent,
  WebhookEventName,
  WebhookParticipant,
  WebhookReceiver,
  WebhookRoom,
  WebhookSigner,
  WebhookTrack,
} from './webhook';
