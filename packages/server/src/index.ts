export { createShowServer } from './show-server';
export type { RoomHandler, ShowServer, ShowServerOptions } from './show-server';
export { combineObservers } from './observer';
export type {
  DeliveryEvent,
  RequestEvent,
  ShowEvent,
  ShowObserver,
  ShowRoute,
  StoreEvent,
} from './observer';
export type { OutboxStats } from './outbox';
export type { StaffPages } from './routes/staff';
export type { TokenRouteOptions } from './routes/token';
export type { ChatHistoryBody } from './routes/chat';
export type { ShowStateBody } from './routes/show';
export type { ReplayBody } from './routes/replay';
export type { AnalyticsBody } from './routes/analytics';
export { defaultChatRules, checkChatText } from './chat-rules';
export type { ChatRules } from './chat-rules';
export {
  PERSON_COOKIE,
  SESSION_SECRET_MIN_BYTES,
  STAFF_COOKIES,
  checkSessionSecret,
  createSessions,
} from './sessions';
export type { Person, SessionOptions, Sessions, StaffRole } from './sessions';
export { HOST_IDENTITY, personOf } from './identity';
export { MAX_NAME_LENGTH, displayName } from './display-name';
export { SERVER_TOPIC, WIRE_VERSION, encodePacket } from './wire';
export type { SenderRole, ServerEvent, ServerPacket, WireChatMessage } from './wire';
export { ShowServerError, isShowServerError } from './server-error';
export type { ShowServerErrorCode } from './server-error';
export { openShowStorage } from './storage/open-storage';
export type { ShowStorage, ShowStorageOptions } from './storage/open-storage';
export { openDatabase, parseDatabaseUrl } from './storage/sql-database';
export type { OpenDatabaseOptions } from './storage/sql-database';
export type { Dialect } from './storage/sql-schema';
export { createMemoryHotStore } from './storage/hot-memory';
export { createRedisHotStore } from './storage/hot-redis';
export type { RedisHotStoreOptions } from './storage/hot-redis';
export type {
  ChatLog,
  HotStore,
  LimitDecision,
  Limiter,
  MuteList,
  NewChatMessage,
  Presence,
  ShowDatabase,
  ShowLog,
  ShowLogEntry,
  ShowLogKind,
  ShowRecord,
  ShowStatus,
  StoredChatMessage,
} from './storage/types';
export { preflight } from './doctor/preflight';
export type { CertificateFacts, PreflightCheck, PreflightOptions } from './doctor/preflight';
