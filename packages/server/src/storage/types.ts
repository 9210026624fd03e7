// The storage a show's server needs, behind interfaces named after what they keep. Durable records
// (chat, mutes, the show's log) go to SQL; hot shared state (limits, de-duplication, who is in the
// room now) to memory or Redis. Handlers see only these interfaces.
import type { SenderRole } from '../wire';

export type ShowStatus = 'upcoming' | 'live' | 'ended';

export interface NewChatMessage {
  id: string;
  room: string;
  person: string;
  name: string;
  role: SenderRole;
  text: string;
  sentAt: number;
}

export interface StoredChatMessage extends NewChatMessage {
  /** Increases with every message of every room: the order of the chat. */
  seq: number;
}

export interface ChatLog {
  /** Stores a message; a repeated (room, id) returns the stored one and `created: false`. */
  append(message: NewChatMessage): Promise<{ message: StoredChatMessage; created: boolean }>;
  /** Marks a message deleted; false when there was no such message (or it was deleted already). */
  remove(room: string, id: string, by: string, at: number): Promise<boolean>;
  /** A message by its id (deleted or not). */
  find(room: string, id: string): Promise<StoredChatMessage | undefined>;
  /** The newest `limit` messages not deleted, oldest first. */
  recent(room: string, limit: number): Promise<StoredChatMessage[]>;
  /** Messages not deleted sent from `from` to `to` (ms, inclusive), oldest first, at most `limit`. */
  between(room: string, from: number, to: number, limit: number): Promise<StoredChatMessage[]>;
}

export interface MuteList {
  set(room: string, person: string, muted: boolean, by: string, at: number): Promise<void>;
  isMuted(room: string, person: string): Promise<boolean>;
  list(room: string): Promise<string[]>;
}

export type ShowLogKind =
  | 'status'
  | 'join'
  | 'leave'
  | 'pin'
  | 'chat.delete'
  | 'mute'
  | 'unmute'
  /** A commerce event (`@show/analytics`), its JSON in `detail`. */
  | 'commerce'
  /** Hearts tapped since the last such entry (from one app instance), the number in `detail`. */
  | 'reactions'
  /**
   * LiveKit started the show's room (`detail` 'started'), new or on another node after its node
   * died; `at` is LiveKit's time of it, to compare with the join times LiveKit lists.
   */
  | 'room';

export interface ShowLogEntry {
  room: string;
  kind: ShowLogKind;
  /** The person concerned, if any. */
  person?: string;
  /** A status, a product id, a message id. */
  detail?: string;
  at: number;
}

export interface ShowRecord {
  room: string;
  status: ShowStatus;
  peakViewers: number;
  /** ms since the epoch of the last change. */
  updatedAt: number | null;
}

export interface ShowLog {
  record(entry: ShowLogEntry): Promise<void>;
  entries(room: string, limit?: number): Promise<ShowLogEntry[]>;
  /** Entries of `kinds` from `from` to `to` (ms, inclusive), in order, at most `limit`. */
  between(
    room: string,
    query: { from: number; to: number; kinds: ShowLogKind[]; limit: number },
  ): Promise<ShowLogEntry[]>;
  /** The newest entry of `kind` (with `detail`, when given), if any. */
  latest(room: string, kind: ShowLogKind, detail?: string): Promise<ShowLogEntry | undefined>;
  show(room: string): Promise<ShowRecord>;
  setStatus(room: string, status: ShowStatus, at: number): Promise<void>;
  /** Raises the peak to `viewers` if that is higher. */
  raisePeak(room: string, viewers: number, at: number): Promise<void>;
}

/** The durable side: one SQL database (SQLite by default, PostgreSQL with DATABASE_URL). */
export interface ShowDatabase {
  readonly kind: 'sqlite' | 'postgres';
  readonly chat: ChatLog;
  readonly mutes: MuteList;
  readonly shows: ShowLog;
  close(): Promise<void>;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface Limiter {
  take(key: string): Promise<LimitDecision>;
}

export interface Presence {
  /** Adds a connection; resolves to the number of people (not connections) in the room. */
  join(room: string, person: string, identity: string): Promise<number>;
  leave(room: string, person: string, identity: string): Promise<number>;
  count(room: string): Promise<number>;
  /** The connections `person` has in the room now. */
  connections(room: string, person: string): Promise<string[]>;
  /** Everyone counted in the room now. */
  people(room: string): Promise<string[]>;
  clear(room: string): Promise<void>;
}

/** The hot side: in memory for one instance, in Redis (REDIS_URL) for several. */
export interface HotStore {
  readonly kind: 'memory' | 'redis';
  /** `points` per window of `durationMs` per key (Redis rounds the window up to whole seconds). */
  limiter(name: string, options: { points: number; durationMs: number }): Limiter;
  /** True the first time `key` is seen within `ttlMs` (webhook de-duplication). */
  firstTime(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets `key`, so its next `firstTime` is true again (work that failed can be retried). */
  forget(key: string): Promise<void>;
  readonly presence: Presence;
  close(): Promise<void>;
}
