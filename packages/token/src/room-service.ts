// LiveKit's room service (Twirp over fetch), for what the app's server does to people in a room:
// changing a participant's permission, and sending data to the room in the server's own name.
import type { VideoGrant } from './grants';
import type { TokenMinter } from './minter';
import { roles, type ShowRole } from './roles';
import { TokenError, isTokenError } from './token-error';
import { checkAttributes, checkIdentity, checkRoom } from './validate';

export interface RoomServiceOptions {
  /** The LiveKit server: `https://…` or the `wss://…` browsers use (turned into https). */
  url: string;
  /** Signs the short-lived `roomAdmin` token each call carries. */
  minter: TokenMinter;
  /** Per call; default 10 s. */
  timeoutMs?: number;
  /** For tests and unusual runtimes; default the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Allows plain `http://`/`ws://` to a host that is not this machine (default false). Every call
   * carries an admin token; over plain HTTP anyone on the path can read it and use it for ten
   * minutes. Only for a private network you trust, such as containers on one host.
   */
  allowInsecureHttp?: boolean;
}

export interface CreateRoomOptions {
  /** Most participants at once, hidden viewers included; LiveKit refuses the next join. */
  maxParticipants?: number;
  /** Seconds an empty room stays open before LiveKit closes it; LiveKit's default otherwise. */
  emptyTimeoutSeconds?: number;
  /** Seconds a room stays open after the last participant left; LiveKit's default otherwise. */
  departureTimeoutSeconds?: number;
}

/** A participant as LiveKit's room service lists it (the fields a show's server reads). */
export interface ListedParticipant {
  identity: string;
  sid: string;
  attributes: Record<string, string>;
  /** LiveKit's participant kind as it names it (`STANDARD`, `EGRESS`, `AGENT`, …). */
  kind: string;
  /**
   * When this connection joined (ms since the epoch; 0 if LiveKit did not say). A participant
   * that reconnects after its node died joins again, so it is newer than the node's loss: LiveKit
   * keeps listing people the dead node had until the room ends, with their old time.
   */
  joinedAtMs: number;
}

export interface ListedRoom {
  name: string;
  sid: string;
  numParticipants: number;
  metadata: string;
  /** When LiveKit created the room (ms since the epoch; 0 if it did not say). */
  createdAtMs: number;
}

/** LiveKit's default `room.max_metadata_size`. */
export const MAX_ROOM_METADATA_BYTES = 64 * 1024;

export interface RoomService {
  /**
   * Everyone in the room now, hidden viewers included; an empty list when the room does not exist.
   * For reconciling what webhooks said (LiveKit drops webhooks when its queue is full).
   */
  listParticipants(room: string): Promise<ListedParticipant[]>;
  /**
   * Creates the room, or leaves an existing one as it is (LiveKit answers with it either way): with
   * `room.auto_create: false` in LiveKit's config, only rooms your server creates can be joined.
   */
  createRoom(room: string, options?: CreateRoomOptions): Promise<void>;
  /**
   * The rooms LiveKit has (only those named, when `names` is given). A room whose node died stays
   * listed until it is deleted or someone joins it again.
   */
  listRooms(names?: readonly string[]): Promise<ListedRoom[]>;
  /**
   * Ends the room for everyone in it. A room LiveKit does not have is already gone (no error). A
   * room whose node died cannot be deleted until a live node hosts it: this asks LiveKit to place
   * it again (CreateRoom) and deletes it then, trying for up to 10 s (LiveKit counts a node as
   * gone after 5 s without news from it).
   */
  deleteRoom(room: string): Promise<void>;
  /** Replaces the room's metadata (every participant receives it). */
  updateRoomMetadata(room: string, metadata: string): Promise<void>;
  /**
   * Replaces a participant's permission while they are in the room. LiveKit replaces it whole, so
   * give every field: start from a role preset (`roles.viewer.grant`) and change what you need.
   * Fails with `participant_not_found` when nobody with that identity is in the room.
   */
  updatePermission(room: string, identity: string, permission: VideoGrant): Promise<void>;
  /**
   * Mutes or unmutes someone's chat: their role's permission with `canPublishData` off or on.
   * Also mint their next token with `grants: { canPublishData: false }`, or a rejoin unmutes them.
   */
  setChatMuted(room: string, identity: string, muted: boolean, role?: ShowRole): Promise<void>;
  /**
   * Sets participant attributes (merged with theirs; an empty value removes a key), as the app's
   * server: for example the host's `show.pins` when pins go through the server.
   */
  updateAttributes(
    room: string,
    identity: string,
    attributes: Record<string, string>,
  ): Promise<void>;
  /**
   * Sends a data packet to everyone in the room (hidden participants included), or only to
   * `destinationIdentities`. Receivers see it with no sender: no participant can forge that.
   * LiveKit answers 200 and silently drops a packet whose encoding passes 256 KiB, so `data` is
   * refused here above `MAX_SERVER_DATA_BYTES`; smaller packets also reach viewers sooner.
   */
  sendData(room: string, data: Uint8Array, options?: SendDataOptions): Promise<void>;
}

export interface SendDataOptions {
  topic?: string;
  /** Default: everyone in the room. */
  destinationIdentities?: readonly string[];
  /** Default true (reliable, ordered). */
  reliable?: boolean;
}

/** The largest payload `sendData` accepts. */
export const MAX_SERVER_DATA_BYTES = 64_000;

// LiveKit's TrackSource enum, as protobuf JSON names it.
const SOURCE_ENUM = {
  camera: 'CAMERA',
  microphone: 'MICROPHONE',
  screen_share: 'SCREEN_SHARE',
  screen_share_audio: 'SCREEN_SHARE_AUDIO',
} as const;

/** A token grant in the shape of LiveKit's ParticipantPermission message. */
function permissionOf(grant: VideoGrant): Record<string, unknown> {
  return {
    canSubscribe: grant.canSubscribe ?? true,
    canPublish: grant.canPublish ?? true,
    canPublishData: grant.canPublishData ?? grant.canPublish ?? true,
    canPublishSources: (grant.canPublishSources ?? []).map((source) => SOURCE_ENUM[source]),
    hidden: grant.hidden ?? false,
    canUpdateMetadata: grant.canUpdateOwnMetadata ?? false,
    canSubscribeMetrics: grant.canSubscribeMetrics ?? false,
  };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Whether `url` names this machine (127.0.0.0/8, ::1, localhost): its traffic never leaves it. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function createRoomService(options: RoomServiceOptions): RoomService {
  const base = options.url.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(base)) {
    throw new TokenError('invalid_request', 'url must be the LiveKit server: https://… or wss://…');
  }
  if (!options.allowInsecureHttp && base.startsWith('http://') && !isLoopbackUrl(base)) {
    throw new TokenError(
      'invalid_request',
      'The room service must be reached over https:// (or wss://) unless it runs on this machine: each call carries an admin token. Set allowInsecureHttp only for a private network you trust.',
    );
  }
  const { minter, timeoutMs = 10_000 } = options;
  const send = options.fetch ?? ((input, init) => fetch(input, init));

  const admin = (room: string): VideoGrant => ({ roomAdmin: true, room });

  /** One Twirp call with a ten-minute server token carrying `grant`. */
  async function call(method: string, grant: VideoGrant, body: Record<string, unknown>) {
    const token = await minter.mintServerToken(grant);
    let response: Response;
    try {
      response = await send(`${base}/twirp/livekit.RoomService/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new TokenError('room_service_failed', `LiveKit's room service did not answer.`, {
        cause: error,
      });
    }
    if (response.ok) return (await response.json().catch(() => ({}))) as Record<string, unknown>;
    // Twirp's error body: { code, msg }. Only the code is repeated, never the text or the token.
    const code = await response
      .json()
      .then((error: unknown) => (error as { code?: unknown }).code)
      .catch(() => undefined);
    if (code === 'not_found') {
      throw new TokenError('participant_not_found', 'Nobody with that identity is in the room.');
    }
    throw new TokenError(
      'room_service_failed',
      `LiveKit's room service answered ${response.status}${typeof code === 'string' ? ` (${code.slice(0, 40)})` : ''}.`,
    );
  }

  const updatePermission: RoomService['updatePermission'] = async (room, identity, permission) => {
    checkRoom(room);
    checkIdentity(identity);
    await call('UpdateParticipant', admin(room), {
      room,
      identity,
      permission: permissionOf(permission),
    });
  };
  return {
    async listParticipants(room) {
      checkRoom(room);
      let body: Record<string, unknown>;
      try {
        body = await call('ListParticipants', admin(room), { room });
      } catch (error) {
        // LiveKit says not_found for a room it does not have: nobody is in it.
        if (isTokenError(error) && error.code === 'participant_not_found') return [];
        throw error;
      }
      const listed = Array.isArray(body.participants) ? body.participants : [];
      type Listed = {
        identity?: unknown;
        sid?: unknown;
        attributes?: unknown;
        kind?: unknown;
        joined_at?: unknown;
        joined_at_ms?: unknown;
        joinedAt?: unknown;
        joinedAtMs?: unknown;
      };
      return listed.map((p: Listed) => ({
        identity: typeof p.identity === 'string' ? p.identity : '',
        sid: typeof p.sid === 'string' ? p.sid : '',
        kind: typeof p.kind === 'string' ? p.kind : 'STANDARD',
        attributes:
          p.attributes && typeof p.attributes === 'object'
            ? (p.attributes as Record<string, string>)
            : {},
        joinedAtMs: timeMs(p.joined_at_ms ?? p.joinedAtMs, p.joined_at ?? p.joinedAt),
      }));
    },
    async listRooms(names) {
      for (const name of names ?? []) checkRoom(name);
      const body = await call('ListRooms', { roomList: true }, names ? { names: [...names] } : {});
      const listed = Array.isArray(body.rooms) ? body.rooms : [];
      type Listed = Record<string, unknown>;
      return listed.map((r: Listed) => ({
        name: typeof r.name === 'string' ? r.name : '',
        sid: typeof r.sid === 'string' ? r.sid : '',
        numParticipants: Number(r.num_participants ?? r.numParticipants ?? 0) || 0,
        metadata: typeof r.metadata === 'string' ? r.metadata : '',
        createdAtMs: timeMs(
          r.creation_time_ms ?? r.creationTimeMs,
          r.creation_time ?? r.creationTime,
        ),
      }));
    },
    async deleteRoom(room) {
      checkRoom(room);
      const remove = () => call('DeleteRoom', { roomCreate: true }, { room });
      try {
        await remove();
      } catch (error) {
        // LiveKit says not_found for a room it does not have: it is gone already.
        if (isTokenError(error) && error.code === 'participant_not_found') return;
        // `unavailable`: listed, but its node is gone. Placing it again makes a live node host it,
        // once LiveKit counts the node as gone (no news from it for 5 s): tried for up to 10 s.
        const unavailable = (e: unknown) => isTokenError(e) && /\(unavailable\)/.test(e.message);
        if (!unavailable(error)) throw error;
        const deadline = Date.now() + 10_000;
        for (;;) {
          try {
            await call('CreateRoom', { roomCreate: true }, { name: room });
            await remove();
            return;
          } catch (again) {
            if (!unavailable(again) || Date.now() > deadline) throw again;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      }
    },
    async updateRoomMetadata(room, metadata) {
      checkRoom(room);
      const bytes = new TextEncoder().encode(metadata).byteLength;
      if (bytes > MAX_ROOM_METADATA_BYTES) {
        throw new TokenError(
          'invalid_request',
          `metadata must be at most ${MAX_ROOM_METADATA_BYTES} bytes (it is ${bytes}).`,
        );
      }
      await call('UpdateRoomMetadata', admin(room), { room, metadata });
    },
    async createRoom(room, { maxParticipants, emptyTimeoutSeconds, departureTimeoutSeconds } = {}) {
      checkRoom(room);
      const counts = { maxParticipants, emptyTimeoutSeconds, departureTimeoutSeconds };
      for (const [name, value] of Object.entries(counts)) {
        if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 1e6)) {
          throw new TokenError('invalid_request', `${name} must be a whole number from 0.`);
        }
      }
      // Its own name is `name`, not `room`; `roomCreate` is the grant CreateRoom checks.
      await call(
        'CreateRoom',
        { roomCreate: true },
        {
          name: room,
          ...(maxParticipants !== undefined && { maxParticipants }),
          ...(emptyTimeoutSeconds !== undefined && { emptyTimeout: emptyTimeoutSeconds }),
          ...(departureTimeoutSeconds !== undefined && {
            departureTimeout: departureTimeoutSeconds,
          }),
        },
      );
    },
    updatePermission,
    async updateAttributes(room, identity, attributes) {
      checkRoom(room);
      checkIdentity(identity);
      checkAttributes(attributes);
      await call('UpdateParticipant', admin(room), { room, identity, attributes });
    },
    async sendData(room, data, { topic, destinationIdentities, reliable = true } = {}) {
      checkRoom(room);
      if (data.byteLength > MAX_SERVER_DATA_BYTES) {
        throw new TokenError(
          'invalid_request',
          `data must be at most ${MAX_SERVER_DATA_BYTES} bytes (it is ${data.byteLength}).`,
        );
      }
      for (const identity of destinationIdentities ?? []) checkIdentity(identity);
      await call('SendData', admin(room), {
        room,
        data: base64(data),
        kind: reliable ? 'RELIABLE' : 'LOSSY',
        ...(topic !== undefined && { topic }),
        ...(destinationIdentities && { destinationIdentities: [...destinationIdentities] }),
      });
    },
    setChatMuted: (room, identity, muted, role = 'viewer') =>
      updatePermission(room, identity, { ...roles[role].grant, canPublishData: !muted }),
  };
}

/** LiveKit's times come as int64 strings: milliseconds when it has them, else seconds. */
function timeMs(ms: unknown, seconds: unknown): number {
  const fromMs = Number(ms);
  if (Number.isFinite(fromMs) && fromMs > 0) return fromMs;
  const fromSeconds = Number(seconds);
  return Number.isFinite(fromSeconds) && fromSeconds > 0 ? fromSeconds * 1000 : 0;
}
