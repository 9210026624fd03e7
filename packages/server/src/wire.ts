// What the server sends into a show's room (LiveKit data, topic `show.events`): a versioned packet
// of events. Only the server sends on it: receivers accept it only when LiveKit names no sender.
export const SERVER_TOPIC = 'show.events';
export const WIRE_VERSION = 1;
/** The host's attribute that carries the show's status as the studio announces it. */
export const HOST_STATUS_ATTRIBUTE = 'show.status';

export type SenderRole = 'host' | 'moderator' | 'viewer';

export interface WireChatMessage {
  id: string;
  /** The server's order: history and live messages merge by it. */
  seq: number;
  text: string;
  /** ms since the epoch, by the server's clock. */
  sentAt: number;
  /** The sender: a person (one browser, every tab), the name they chose, the server's role. */
  from: { person: string; name: string; role: SenderRole };
}

export type ServerEvent =
  | ({ type: 'chat' } & WireChatMessage)
  | { type: 'chat.delete'; id: string }
  | { type: 'reactions'; count: number }
  | { type: 'viewers'; count: number }
  | { type: 'mute'; person: string; muted: boolean }
  | { type: 'fleet'; summary: unknown };

export interface ServerPacket {
  v: typeof WIRE_VERSION;
  events: ServerEvent[];
}

const encoder = new TextEncoder();

export function encodePacket(events: ServerEvent[]): Uint8Array {
  return encoder.encode(JSON.stringify({ v: WIRE_VERSION, events } satisfies ServerPacket));
}

/** Bytes one event adds to a packet (its JSON and a comma). */
export function eventBytes(event: ServerEvent): number {
  return encoder.encode(JSON.stringify(event)).byteLength + 1;
}
