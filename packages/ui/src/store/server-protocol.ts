// What the show's server (for example @show/server) sends into the room, on its own topic, in
// LiveKit's name. Validated here like everything else that arrives: a packet that does not fit is
// dropped whole. The sender check (no participant) is the room layer's.
import type { ParticipantRole } from './chat';

export const SERVER_TOPIC = 'show.events';

export interface ServerChatMessage {
  id: string;
  /** The server's order of messages. */
  seq: number;
  text: string;
  /** ms since the epoch, the server's clock. */
  sentAt: number;
  /** A person (every tab of one browser), the name they chose, the role the server knows. */
  from: { person: string; name: string; role: ParticipantRole };
}

export type ServerEvent =
  | ({ type: 'chat' } & ServerChatMessage)
  | { type: 'chat.delete'; id: string }
  | { type: 'reactions'; count: number }
  | { type: 'viewers'; count: number }
  | { type: 'mute'; person: string; muted: boolean }
  | { type: 'fleet'; summary: unknown };

/** What the server answers when a page joins: the chat so far, its own mute, the count. */
export interface ServerHistory {
  messages: ServerChatMessage[];
  muted: boolean;
  viewers: number;
  /** For the host and moderators: who is muted. */
  mutedPeople?: string[];
  /** This browser's person, as the server knows it (what `from.person` says on its messages). */
  person?: string;
}

/** Larger packets are dropped before parsing. */
export const MAX_SERVER_PACKET_BYTES = 256 * 1024;

const ID = /^[\w-]{1,64}$/;
const PERSON = /^[\w-]{1,64}$/;
const decoder = new TextDecoder();

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function parseChatMessage(
  value: unknown,
  maxTextLength = 1000,
): ServerChatMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const from = m.from as Record<string, unknown> | null | undefined;
  if (typeof m.id !== 'string' || !ID.test(m.id) || !isCount(m.seq)) return undefined;
  if (typeof m.text !== 'string' || m.text === '' || m.text.length > maxTextLength)
    return undefined;
  if (typeof m.sentAt !== 'number' || !Number.isFinite(m.sentAt)) return undefined;
  if (typeof from !== 'object' || from === null) return undefined;
  if (typeof from.person !== 'string' || !PERSON.test(from.person)) return undefined;
  if (typeof from.name !== 'string' || from.name === '' || from.name.length > 256) return undefined;
  const role = from.role === 'host' || from.role === 'moderator' ? from.role : 'viewer';
  return {
    id: m.id,
    seq: m.seq,
    text: m.text,
    sentAt: m.sentAt,
    from: { person: from.person, name: from.name, role },
  };
}

function parseEvent(value: unknown): ServerEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  switch (e.type) {
    case 'chat': {
      const message = parseChatMessage(e);
      return message && { type: 'chat', ...message };
    }
    case 'chat.delete':
      return typeof e.id === 'string' && ID.test(e.id)
        ? { type: 'chat.delete', id: e.id }
        : undefined;
    case 'reactions':
    case 'viewers':
      return isCount(e.count) ? { type: e.type, count: e.count } : undefined;
    case 'mute':
      return typeof e.person === 'string' && PERSON.test(e.person) && typeof e.muted === 'boolean'
        ? { type: 'mute', person: e.person, muted: e.muted }
        : undefined;
    case 'fleet':
      return typeof e.summary === 'object' && e.summary !== null
        ? { type: 'fleet', summary: e.summary }
        : undefined;
    default:
      return undefined;
  }
}

/** The events of one packet; unknown event types are skipped, a malformed packet gives []. */
export function decodeServerPacket(payload: Uint8Array): ServerEvent[] {
  if (payload.byteLength > MAX_SERVER_PACKET_BYTES) return [];
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(payload));
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const packet = value as { v?: unknown; events?: unknown };
  if (packet.v !== 1 || !Array.isArray(packet.events)) return [];
  return packet.events.map(parseEvent).filter((e): e is ServerEvent => e !== undefined);
}

/** The person behind a LiveKit identity the server made (`<person>.<connection>`). */
export function personOfIdentity(identity: string): string {
  const dot = identity.indexOf('.');
  return dot > 0 ? identity.slice(0, dot) : identity;
}
