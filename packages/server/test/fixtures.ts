// A show's server over real SQLite (in memory) and the memory hot store, with a room service that
// records what would go to LiveKit, and a cookie-keeping client per browser.
import {
  createTokenMinter,
  createTokenVerifier,
  createWebhookReceiver,
  createWebhookSigner,
  type RoomService,
  type WebhookEvent,
} from '@show/token';
import {
  createMemoryHotStore,
  createSessions,
  createShowServer,
  openDatabase,
  type HotStore,
  type ServerEvent,
  type ShowDatabase,
  type ShowServerOptions,
} from '../src/index';

export const credentials = {
  apiKey: 'APIshowtest',
  apiSecret: 'a-livekit-secret-of-at-least-32-bytes!',
};
export const SESSION_SECRET = 'a-session-secret-that-is-32-bytes-long!!';
export const ORIGIN = 'https://shop.example';
export const PASSCODES = { host: 'the-host-passcode', moderator: 'a-moderator-passcode' };
export const verifier = createTokenVerifier(credentials);

export interface SentPacket {
  room: string;
  topic: string | undefined;
  to: readonly string[] | undefined;
  events: ServerEvent[];
}

export async function createTestServer(options: Partial<ShowServerOptions> = {}) {
  const sent: SentPacket[] = [];
  const attributes: Array<{ room: string; identity: string; attributes: Record<string, string> }> =
    [];
  const created: string[] = [];
  const metadata: Array<{ room: string; metadata: string }> = [];
  const deleted: string[] = [];
  /** Who LiveKit says is in each room, for the reconciler (tests set it). */
  const participants = new Map<
    string,
    Array<{
      identity: string;
      sid: string;
      attributes: Record<string, string>;
      kind?: string;
      joinedAtMs?: number;
    }>
  >();
  const roomService: Pick<
    RoomService,
    | 'createRoom'
    | 'listParticipants'
    | 'sendData'
    | 'updateAttributes'
    | 'updateRoomMetadata'
    | 'deleteRoom'
  > = {
    async deleteRoom(room) {
      deleted.push(room);
    },
    async updateRoomMetadata(room, value) {
      metadata.push({ room, metadata: value });
    },
    async createRoom(room) {
      created.push(room);
    },
    async listParticipants(room) {
      return (participants.get(room) ?? []).map((p) => ({ kind: 'STANDARD', joinedAtMs: 0, ...p }));
    },
    async updateAttributes(room, identity, values) {
      attributes.push({ room, identity, attributes: values });
    },
    async sendData(room, data, { topic, destinationIdentities } = {}) {
      const packet = JSON.parse(new TextDecoder().decode(data)) as { events: ServerEvent[] };
      sent.push({ room, topic, to: destinationIdentities, events: packet.events });
    },
  };
  const database: ShowDatabase =
    options.database ?? (await openDatabase({ url: 'sqlite::memory:' }));
  const hot: HotStore = options.hot ?? createMemoryHotStore();
  const server = createShowServer({
    minter: createTokenMinter(credentials),
    roomService,
    webhooks: createWebhookReceiver(credentials),
    sessions: await createSessions(SESSION_SECRET, { passcodes: PASSCODES }),
    database,
    hot,
    batchIntervalMs: 50,
    production: false,
    ...options,
  });
  const signer = createWebhookSigner(credentials);
  let eventId = 0;
  return {
    server,
    database,
    hot,
    sent,
    attributes,
    /** Rooms the server asked LiveKit to create, in order. */
    created,
    /** Rooms the server deleted, in order. */
    deleted,
    /** Room metadata the server wrote, in order. */
    metadata,
    participants,
    /** Every event delivered to the room so far, in order (waits for the outbox). */
    async delivered(room: string): Promise<ServerEvent[]> {
      await new Promise((resolve) => setTimeout(resolve, 80));
      return sent.filter((p) => p.room === room && !p.to).flatMap((p) => p.events);
    },
    async webhook(event: Omit<WebhookEvent, 'id'> & { id?: string }) {
      const body = JSON.stringify({ id: `EV_${++eventId}`, ...event });
      return server.webhook(
        new Request(`${ORIGIN}/api/livekit/webhook`, {
          method: 'POST',
          headers: {
            Authorization: await signer.sign(body),
            'Content-Type': 'application/webhook+json',
          },
          body,
        }),
      );
    },
    async close() {
      await server.close();
      await database.close();
      await hot.close();
    },
  };
}

/** A browser: keeps the cookies the server sets and sends them back, same-site. */
export function browser(base = ORIGIN) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name, value.join('='));
    }
  };
  return {
    jar,
    request(path: string, init: RequestInit & { json?: unknown } = {}): Request {
      const headers = new Headers(init.headers);
      if (jar.size > 0) headers.set('Cookie', cookie());
      if (init.json !== undefined) headers.set('Content-Type', 'application/json');
      if (init.method && init.method !== 'GET' && !headers.has('Origin'))
        headers.set('Origin', base);
      const { json, ...rest } = init;
      return new Request(`${base}${path}`, {
        ...rest,
        headers,
        ...(json !== undefined && { body: JSON.stringify(json) }),
      });
    },
    remember,
  };
}

export type Browser = ReturnType<typeof browser>;

/** Asks for a token as this browser; returns the body and keeps the cookie. */
export async function join(
  server: { token(request: Request): Promise<Response> },
  who: Browser,
  { room = 'spring-drop', name = 'Ana', admin = false } = {},
) {
  const query = new URLSearchParams({ room, username: name, ...(admin && { admin: 'true' }) });
  const response = await server.token(who.request(`/api/livekit/token?${query}`));
  who.remember(response);
  const body = (await response.json()) as { token: string; identity: string; role: string };
  return { response, body, claims: response.ok ? await verifier.verify(body.token) : undefined };
}

/** A browser signed in as `role` (the app's sign-in sets this cookie). */
export async function staffBrowser(role: 'host' | 'moderator') {
  const who = browser();
  const sessions = await createSessions(SESSION_SECRET, { passcodes: PASSCODES });
  const header = await sessions.staffCookie(role);
  who.remember(new Response(null, { headers: { 'Set-Cookie': header } }));
  return who;
}
