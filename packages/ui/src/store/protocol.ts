// What travels between the pages of a show, over LiveKit data messages and participant attributes.
// Everything arriving is validated here: a peer's page is not trusted.
import type { ParticipantRole } from './chat';

/** Data message topics. */
export const CHAT_TOPIC = 'show.chat';
export const REACTION_TOPIC = 'show.reaction';
export const VIEWER_REPORT_TOPIC = 'show.viewer-report';

/**
 * Participant attributes. `show.role` is set by the access token (see @show/token) and viewers
 * cannot change their own attributes, so it can be trusted for badges and moderation.
 */
export const ROLE_ATTRIBUTE = 'show.role';
/** The host's pinned product ids, a JSON array; a viewer who joins late reads it at once. */
export const PINS_ATTRIBUTE = 'show.pins';
/** The host's show status: `preview`, `live` or `ended`. */
export const STATUS_ATTRIBUTE = 'show.status';

export const MAX_PINS = 3;
/** Larger payloads are dropped before parsing. */
export const MAX_MESSAGE_BYTES = 4096;

export type HostStatus = 'preview' | 'live' | 'ended';

export type ShowMessage =
  | { type: 'chat'; id: string; text: string; sentAt: number }
  | { type: 'chat.delete'; id: string }
  | { type: 'reaction' };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeMessage(message: ShowMessage): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify({ v: 1, ...message }));
}

const ID = /^[\w-]{1,64}$/;

/** The message, or undefined for anything malformed, oversized or of an unknown version. */
export function decodeMessage(payload: Uint8Array, maxTextLength = 1000): ShowMessage | undefined {
  if (payload.byteLength > MAX_MESSAGE_BYTES) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(payload));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.v !== 1) return undefined;
  switch (m.type) {
    case 'chat':
      if (typeof m.id !== 'string' || !ID.test(m.id)) return undefined;
      if (typeof m.text !== 'string' || m.text.trim() === '' || m.text.length > maxTextLength) {
        return undefined;
      }
      if (typeof m.sentAt !== 'number' || !Number.isFinite(m.sentAt)) return undefined;
      return { type: 'chat', id: m.id, text: m.text, sentAt: m.sentAt };
    case 'chat.delete':
      if (typeof m.id !== 'string' || !ID.test(m.id)) return undefined;
      return { type: 'chat.delete', id: m.id };
    case 'reaction':
      return { type: 'reaction' };
    default:
      return undefined;
  }
}

export function encodePins(ids: readonly string[]): string {
  return JSON.stringify(ids.slice(0, MAX_PINS));
}

/** Pinned ids from the host's attribute; [] when absent or malformed. */
export function decodePins(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const ids: unknown = JSON.parse(value);
    if (!Array.isArray(ids)) return [];
    return ids.filter((id): id is string => typeof id === 'string').slice(0, MAX_PINS);
  } catch {
    return [];
  }
}

export function decodeRole(value: string | undefined): ParticipantRole {
  return value === 'host' || value === 'moderator' ? value : 'viewer';
}

export function decodeHostStatus(value: string | undefined): HostStatus | undefined {
  return value === 'preview' || value === 'live' || value === 'ended' ? value : undefined;
}
