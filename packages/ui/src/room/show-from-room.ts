// What a room means for the show, as plain data in and plain data out: who the host is and what
// they show, the pins, the audience, who is muted, and what the phase reducer hears. Pure: the
// room's facts are read by `roomFacts` (room-facts.ts); nothing here touches LiveKit.
import type { ConnectionQuality } from '@show/metrics';
import type { ChatAuthor } from '../store/chat';
import type { PhaseEvent } from '../store/phase';
import {
  decodeHostStatus,
  decodePins,
  decodeRole,
  PINS_ATTRIBUTE,
  ROLE_ATTRIBUTE,
  STATUS_ATTRIBUTE,
} from '../store/protocol';
import type { AttachableTrack, HostView, ShowState } from '../store/show-store';

/** One participant, as far as the show cares. */
export interface ParticipantFacts {
  identity: string;
  name: string;
  attributes: Readonly<Record<string, string>>;
  /** From LiveKit's permissions; undefined before the server said. */
  canPublishData: boolean | undefined;
  /** Video tracks published and not muted. */
  camera: AttachableTrack | undefined;
  screen: AttachableTrack | undefined;
  microphone: boolean;
}

/** The room at one moment. */
export interface RoomFacts {
  connected: boolean;
  local: ParticipantFacts;
  remotes: readonly ParticipantFacts[];
  canPlaybackAudio: boolean;
  quality: ConnectionQuality;
}

export interface ShowFromRoom {
  /** What changed in the store (values that did not change keep their identity). */
  patch: Partial<ShowState>;
  /** For the phase reducer. */
  phase: Extract<PhaseEvent, { type: 'room' }>;
  /** A host has been seen in this session (feed it back next time). */
  hostSeen: boolean;
  /** The host said the show is over and this page is a viewer's: it should leave the room. */
  leave: boolean;
}

/** Who wrote a message: a participant's identity, name (or identity) and role attribute. */
export function authorOf(
  participant: Pick<ParticipantFacts, 'identity' | 'attributes'> & { name?: string | undefined },
): ChatAuthor {
  return {
    identity: participant.identity,
    name: participant.name || participant.identity,
    role: decodeRole(participant.attributes[ROLE_ATTRIBUTE]),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.join('\u0000') === b.join('\u0000');

function sameAuthor(a: ChatAuthor | undefined, b: ChatAuthor): boolean {
  return a !== undefined && a.identity === b.identity && a.name === b.name && a.role === b.role;
}

function sameHost(a: HostView | undefined, b: HostView | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(b) as Array<keyof HostView>).every((key) => a[key] === b[key]);
}

/**
 * The show as the room says it is. `previous` is the store's state (unchanged values keep their
 * identity, so components selecting them do not re-render); `hostSeen` what the last call
 * returned. With a show server (`serverCounts`), the audience and mutes are the server's: viewers
 * join hidden, so LiveKit's list would say nothing true about them.
 */
export function showFromRoom(
  facts: RoomFacts,
  previous: ShowState,
  { hostSeen, serverCounts }: { hostSeen: boolean; serverCounts: boolean },
): ShowFromRoom {
  const me = authorOf(facts.local);
  const imHost = me.role === 'host';
  const host = imHost
    ? facts.local
    : facts.remotes.find((p) => decodeRole(p.attributes[ROLE_ATTRIBUTE]) === 'host');
  const seen = hostSeen || (host !== undefined && !imHost);
  const view: HostView | undefined = host && {
    ...authorOf(host),
    status: decodeHostStatus(host.attributes[STATUS_ATTRIBUTE]),
    camera: host.camera,
    screen: host.screen,
    microphone: host.microphone,
  };
  const pins = decodePins(host?.attributes[PINS_ATTRIBUTE]);
  const audience = facts.remotes.filter((p) => p !== host).length;
  const muted = facts.remotes
    .filter((p) => p.canPublishData === false)
    .map((p) => p.identity)
    .sort();
  return {
    patch: {
      self: sameAuthor(previous.self, me) ? previous.self : me,
      host: sameHost(previous.host, view) ? previous.host : view,
      pinnedIds: sameList(previous.pinnedIds, pins) ? previous.pinnedIds : pins,
      ...(!serverCounts && {
        audience,
        chatMuted: facts.local.canPublishData === false,
        mutedIdentities: sameList(previous.mutedIdentities, muted)
          ? previous.mutedIdentities
          : muted,
      }),
      audioBlocked: !facts.canPlaybackAudio,
      quality: facts.quality,
    },
    phase: {
      type: 'room',
      connected: facts.connected,
      host: view && { status: view.status },
      hostLeft: !view && seen && !imHost,
    },
    hostSeen: seen,
    leave: view?.status === 'ended' && !imHost,
  };
}
