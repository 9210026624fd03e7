// The server side of a show, as Fetch-API handlers: mount each in any framework, or all at once
// with `handle` (it routes by path).
import type { RoomService, TokenMinter, WebhookReceiver } from '@show/token';
import { defaultChatRules, type ChatRules } from './chat-rules';
import type { ShowServerContext } from './context';
import { refusal } from './http';
import { isShowServerError, ShowServerError } from './server-error';
import { createOutbox, type Outbox, type OutboxStats } from './outbox';
import { createReactionTally } from './reaction-tally';
import { createReportRelay } from './report-relay';
import { readHistory, sendChat } from './routes/chat';
import { deleteMessage, listMuted, setMuted } from './routes/moderation';
import { setPins } from './routes/pins';
import { react } from './routes/reactions';
import { receiveReport } from './routes/reports';
import { createReplayWindows, readReplay } from './routes/replay';
import { readAnalytics } from './routes/analytics';
import { receiveEvents, reportPurchase } from './routes/commerce';
import { readShow, showState, type ShowStateBody } from './routes/show';
import { tokenRoute, type TokenRouteOptions } from './routes/token';
import { hostKey, receiveWebhook } from './routes/webhook';
import { HOST_IDENTITY } from './identity';
import { defaultStaffPages, signIn, signOut, type StaffPages } from './routes/staff';
import { clientAddress } from './client-address';
import { createRoomOpener } from './room-opener';
import { createPresenceReconciler } from './presence-reconciler';
import { createRoomCloser } from './room-closer';
import { observedStorage, observing, type ShowObserver, type ShowRoute } from './observer';
import type { Sessions } from './sessions';
import { ROOM_PATTERN } from '@show/token';
import type { HotStore, ShowDatabase } from './storage/types';
import { SERVER_TOPIC } from './wire';

export interface ShowServerOptions {
  minter: TokenMinter;
  /**
   * LiveKit's room service (`createRoomService` from @show/token): the server creates show rooms
   * and speaks in them through it.
   */
  roomService: Pick<
    RoomService,
    'createRoom' | 'listParticipants' | 'sendData' | 'updateAttributes'
  > &
    /**
     * `updateRoomMetadata` lets `show-doctor` confirm that webhooks arrive (it reads the probe
     * room's metadata); `deleteRoom` closes the rooms of ended shows (`closeEndedRoomsAfterMs`).
     */
    Partial<Pick<RoomService, 'updateRoomMetadata' | 'deleteRoom'>>;
  /**
   * Most participants in a show's room at once, hidden viewers and staff included (default 1000);
   * LiveKit refuses the next join. Run LiveKit with `room.auto_create: false` so that only rooms
   * this server creates (for shows, with this ceiling) can be joined.
   */
  maxParticipants?: number;
  /**
   * Most people in the audience (a person's tabs count once) before new viewers are refused with
   * `room_full` (503, `Retry-After: 30`): the seats above it stay free for the host, moderators, a
   * recorder and second tabs, which LiveKit's ceiling counts too. Default `maxParticipants` − 20
   * (at least 1). Someone already watching is never refused (a reconnect, another tab).
   */
  maxViewers?: number;
  /** `createWebhookReceiver` from @show/token, with the same API key and secret. */
  webhooks: WebhookReceiver;
  /** `createSessions(SHOW_SESSION_SECRET, { secure, passcodes })`. */
  sessions: Sessions;
  database: ShowDatabase;
  hot: HotStore;
  rules?: Partial<ChatRules>;
  /** Which rooms are shows; default every valid room name. Tokens are minted only for shows. */
  isShow?(room: string): boolean | Promise<boolean>;
  token?: TokenRouteOptions;
  /**
   * How many reverse proxies in front of this server append to `X-Forwarded-For` (default 0:
   * no header is believed). Per-address limits (sign-in, tokens) use the address the nearest
   * trusted proxy saw; with 0 they fall back to per-person and server-wide ceilings.
   */
  trustedProxyHops?: number;
  /** Where the staff sign-in forms live and where staff land; see `StaffPages`. */
  staffPages?: Partial<StaffPages>;
  /** Least time between two packets to a room; default 200 ms. */
  batchIntervalMs?: number;
  /**
   * How often the audience count is checked against LiveKit's list of participants, for rooms
   * with joins or leaves in the last 10 minutes; default 30 s (LiveKit drops webhooks when busy).
   */
  reconcileIntervalMs?: number;
  /**
   * A show its host ended closes its room this long after (default 30 s): viewers' pages show the
   * end either way, and the room's node is free (a drained node leaves once its rooms are empty).
   * Not while a host is in the room again (preparing the next show).
   */
  closeEndedRoomsAfterMs?: number;
  /** How often viewers report and the host gets the summary; default 5000 ms. */
  reportIntervalMs?: number;
  /** Generic error messages (default true); codes stay specific either way. */
  production?: boolean;
  /** Sees unexpected errors and failed deliveries, for your log; never sent to clients. */
  onError?(error: unknown): void;
  /**
   * Callbacks for your monitoring: requests, tokens, webhooks and their lag, storage calls,
   * audiences. `createPrometheusObserver` from `@show/server/prometheus` is one.
   */
  observe?: ShowObserver;
  now?(): number;
}

export type RoomHandler = (request: Request, room: string) => Promise<Response>;

export interface ShowServer {
  /** `GET|POST /api/livekit/token` */
  token(request: Request): Promise<Response>;
  /** `POST /api/livekit/webhook` */
  webhook(request: Request): Promise<Response>;
  /** `GET /api/shows/:room` */
  show: RoomHandler;
  /** `GET /api/shows/:room/chat`: history, your mute, the count. */
  history: RoomHandler;
  /** `GET /api/shows/:room/replay?from=&to=` (ms): pins, chat and status by time, for a replay. */
  replay: RoomHandler;
  /** `POST /api/shows/:room/chat` `{ text, id? }` */
  chat: RoomHandler;
  /** `POST /api/shows/:room/chat/delete` `{ id }` (host, moderators) */
  deleteMessage: RoomHandler;
  /** `POST /api/shows/:room/mutes` `{ person, muted }`, `GET` the list (host, moderators) */
  mutes: RoomHandler;
  /** `POST /api/shows/:room/pins` `{ ids }` (the host): logged with the time, set on the host. */
  pins: RoomHandler;
  /** `POST /api/shows/:room/reactions` */
  react: RoomHandler;
  /** `POST /api/shows/:room/reports` `{ identity, report }` */
  report: RoomHandler;
  /** `POST /api/shows/:room/events` `{ events }`: product impressions, clicks, cart, checkout. */
  events: RoomHandler;
  /** `GET /api/shows/:room/analytics[?from=&to=][&format=csv]` (the host): the seller's figures. */
  analytics: RoomHandler;
  /** A purchase your shop's server reports (`@show/analytics`' `purchase` event). */
  reportPurchase(room: string, purchase: unknown): Promise<void>;
  /** `POST /api/staff/sign-in?role=host|moderator` (form field `passcode`): 303 with the cookie. */
  signIn(request: Request): Promise<Response>;
  /** `POST /api/staff/sign-out`: 303 to `staffPages.signedOut`, every staff cookie cleared. */
  signOut(request: Request): Promise<Response>;
  /** Routes by path (the paths above, under `basePath`, default `/api`); undefined if none match. */
  handle(request: Request, basePath?: string): Promise<Response | undefined>;
  /** The show's state, for your own pages (what `GET /api/shows/:room` answers). */
  state(room: string): Promise<ShowStateBody>;
  /** Packets and events delivered so far. */
  stats(): OutboxStats;
  /** Delivers what is queued and stops the timers (storage is yours to close). */
  close(): Promise<void>;
}

/** One route, a handler per method; any other method is a 405 with `Allow`. */
function byMethod(handlers: Record<string, RoomHandler>): RoomHandler {
  const allow = Object.keys(handlers);
  return async (request, room) => {
    const handler = handlers[request.method];
    if (!handler) {
      throw new ShowServerError('method_not_allowed', `Use ${allow.join(' or ')}.`, { allow });
    }
    return handler(request, room);
  };
}

export function createShowServer(options: ShowServerOptions): ShowServer {
  const rules: ChatRules = { ...defaultChatRules, ...options.rules };
  const reportIntervalMs = options.reportIntervalMs ?? 5000;
  const { roomService, onError } = options;
  const observe = observing(options.observe);
  const { database, hot } = observedStorage(options.database, options.hot, options.observe ?? {});
  const production = options.production ?? true;
  const delivery = createOutbox({
    send: (room, data) => roomService.sendData(room, data, { topic: SERVER_TOPIC }),
    intervalMs: options.batchIntervalMs ?? 200,
    ...(onError && { onError }),
    onPacket: ({ room, events, waitedMs, sendMs, ok }) =>
      observe.delivery({
        room,
        events,
        waitSeconds: waitedMs / 1000,
        sendSeconds: sendMs / 1000,
        ok,
      }),
  });
  // Every audience change goes out as a `viewers` event (webhooks and the reconciler alike).
  const outbox: Outbox = {
    ...delivery,
    push(room, event) {
      if (event.type === 'viewers') observe.viewers({ room, viewers: event.count });
      delivery.push(room, event);
    },
  };
  const relay = createReportRelay({
    intervalMs: reportIntervalMs,
    send: (room, data, destination) =>
      roomService.sendData(room, data, {
        topic: SERVER_TOPIC,
        destinationIdentities: [destination],
      }),
    ...(onError && { onError }),
  });
  const isShow = options.isShow ?? (() => true);
  const trustedProxyHops = options.trustedProxyHops ?? 0;
  if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0 || trustedProxyHops > 10) {
    throw new Error('trustedProxyHops must be a whole number from 0 to 10.');
  }
  const staffPages: StaffPages = { ...defaultStaffPages, ...options.staffPages };
  const maxParticipants = options.maxParticipants ?? 1000;
  const maxViewers = options.maxViewers ?? Math.max(1, maxParticipants - 20);
  if (!Number.isInteger(maxViewers) || maxViewers < 1 || maxViewers > maxParticipants) {
    throw new Error('maxViewers must be a whole number from 1 to maxParticipants.');
  }
  const reconciler = createPresenceReconciler({
    roomService,
    presence: hot.presence,
    shows: database.shows,
    outbox,
    intervalMs: options.reconcileIntervalMs ?? 30_000,
    now: options.now ?? Date.now,
    onError,
  });
  const closer = createRoomCloser({
    roomService,
    stillOver: async (room) => {
      const [show, hosts] = await Promise.all([
        database.shows.show(room),
        hot.presence.connections(hostKey(room), HOST_IDENTITY),
      ]);
      return show.status === 'ended' && hosts.length === 0;
    },
    delayMs: options.closeEndedRoomsAfterMs ?? 30_000,
    onError,
  });
  const context: ShowServerContext = {
    minter: options.minter,
    roomService,
    reconciler,
    closer,
    webhooks: options.webhooks,
    sessions: options.sessions,
    database,
    hot,
    outbox,
    replayWindows: createReplayWindows(database),
    reactions: createReactionTally({
      log: database.shows,
      ...(options.now && { now: options.now }),
      ...(onError && { onError }),
    }),
    rules,
    limits: {
      chat: hot.limiter('chat', { points: rules.maxMessages, durationMs: rules.windowMs }),
      reactions: hot.limiter('reactions', {
        points: rules.maxReactions,
        durationMs: rules.windowMs,
      }),
      // Honest pages report every interval (at least), but a report can arrive late and the next
      // on time: up to 0.6 interval late is never refused (3 reports per 2.4 intervals; a 429 is
      // logged by the browser as an error), and a flood still gets one per 0.8 interval.
      reportsPerConnection: hot.limiter('report', {
        points: 3,
        durationMs: reportIntervalMs * 2.4,
      }),
      reportsPerPerson: hot.limiter('report-person', {
        points: 12,
        durationMs: reportIntervalMs * 2.4,
      }),
      moderation: hot.limiter('moderation', { points: 60, durationMs: 60_000 }),
      // Ten tries per 10 minutes are plenty for typos and far too few for guessing; the server-wide
      // ceiling bounds guessing from many addresses (and is all there is with no trusted proxy).
      signIn: hot.limiter('sign-in', { points: 10, durationMs: 10 * 60_000 }),
      signInAll: hot.limiter('sign-in-all', { points: 60, durationMs: 10 * 60_000 }),
      // A page asks at most five times per join (four retries); reloads are rare.
      tokens: hot.limiter('token', { points: 30, durationMs: 60_000 }),
      newcomersPerAddress: hot.limiter('token-new-address', { points: 120, durationMs: 60_000 }),
      tokensForNewcomers: hot.limiter('token-new', { points: 600, durationMs: 60_000 }),
      // A page sends its product events in batches every few seconds at most.
      events: hot.limiter('events', { points: 30, durationMs: 60_000 }),
      eventsForNewcomers: hot.limiter('events-new', { points: 600, durationMs: 60_000 }),
    },
    address: (request) => clientAddress(request, trustedProxyHops),
    rooms: createRoomOpener(roomService, { maxParticipants }, options.now ?? Date.now),
    maxViewers,
    isShow: async (room) => ROOM_PATTERN.test(room) && room.length <= 256 && (await isShow(room)),
    production,
    onError,
    observe,
    now: options.now ?? Date.now,
  };

  /** Answers a refusal for whatever a route throws, and tells the observer how it went. */
  const guard =
    <A extends [Request, ...string[]]>(route: ShowRoute, work: (...args: A) => Promise<Response>) =>
    async (...args: A): Promise<Response> => {
      const started = performance.now();
      let response: Response;
      let code: string | undefined;
      try {
        response = await work(...args);
      } catch (error) {
        code = isShowServerError(error) ? error.code : 'internal_error';
        response = refusal(error, production, onError);
      }
      const seconds = (performance.now() - started) / 1000;
      observe.request({ route, method: args[0].method, status: response.status, code, seconds });
      return response;
    };
  const tokens = tokenRoute(context, options.token);

  const server: ShowServer = {
    // The token route answers its own refusals (@show/token's handler); only timed here.
    token: guard('token', (request: Request) => tokens(request)),
    webhook: guard('webhook', (request: Request) => receiveWebhook(context, request)),
    show: guard('show', (request: Request, room: string) => readShow(context, request, room)),
    history: guard('history', (request: Request, room: string) =>
      readHistory(context, request, room),
    ),
    replay: guard('replay', (request: Request, room: string) => readReplay(context, request, room)),
    chat: guard(
      'chat',
      byMethod({
        GET: (request, room) => readHistory(context, request, room),
        POST: (request, room) => sendChat(context, request, room),
      }),
    ),
    deleteMessage: guard('chat_delete', (request: Request, room: string) =>
      deleteMessage(context, request, room),
    ),
    mutes: guard(
      'mutes',
      byMethod({
        GET: (request, room) => listMuted(context, request, room),
        POST: (request, room) => setMuted(context, request, room),
      }),
    ),
    react: guard('reactions', (request: Request, room: string) => react(context, request, room)),
    pins: guard('pins', (request: Request, room: string) => setPins(context, request, room)),
    report: guard('reports', (request: Request, room: string) =>
      receiveReport(context, relay, request, room),
    ),
    events: guard('events', (request: Request, room: string) =>
      receiveEvents(context, request, room),
    ),
    analytics: guard('analytics', (request: Request, room: string) =>
      readAnalytics(context, request, room),
    ),
    reportPurchase: (room, purchase) => reportPurchase(context, room, purchase),
    signIn: guard('sign_in', (request: Request) => signIn(context, staffPages, request)),
    signOut: guard('sign_out', (request: Request) => signOut(context, staffPages, request)),
    async handle(request, basePath = '/api') {
      const path = new URL(request.url).pathname;
      if (!path.startsWith(`${basePath}/`)) return undefined;
      const rest = path.slice(basePath.length);
      if (rest === '/livekit/token') return server.token(request);
      if (rest === '/livekit/webhook') return server.webhook(request);
      if (rest === '/staff/sign-in') return server.signIn(request);
      if (rest === '/staff/sign-out') return server.signOut(request);
      const match = /^\/shows\/([^/]+)(\/[a-z/]+)?$/.exec(rest);
      if (!match) return undefined;
      let room: string;
      try {
        room = decodeURIComponent(match[1] as string);
      } catch {
        return undefined;
      }
      const routes: Record<string, RoomHandler> = {
        '': server.show,
        '/chat': server.chat,
        '/replay': server.replay,
        '/chat/delete': server.deleteMessage,
        '/mutes': server.mutes,
        '/reactions': server.react,
        '/pins': server.pins,
        '/reports': server.report,
        '/events': server.events,
        '/analytics': server.analytics,
      };
      const route = routes[match[2] ?? ''];
      return route?.(request, room);
    },
    state: (room) => showState(context, room),
    stats: () => outbox.stats(),
    async close() {
      relay.close();
      reconciler.close();
      closer.close();
      await Promise.all([outbox.close(), context.reactions.close()]);
    },
  };
  return server;
}
