// What every route of a show's server shares: options resolved once, storage, the outbox.
import type { TokenMinter, RoomService, WebhookReceiver } from '@show/token';
import type { ChatRules } from './chat-rules';
import type { Outbox } from './outbox';
import type { PresenceReconciler } from './presence-reconciler';
import type { RoomCloser } from './room-closer';
import type { ReactionTally } from './reaction-tally';
import type { ReplayWindows } from './routes/replay';
import type { RoomOpener } from './room-opener';
import type { Sessions, StaffRole } from './sessions';
import type { Observe } from './observer';
import type { HotStore, Limiter, ShowDatabase } from './storage/types';
import { requireMethod, requireSameSite } from './http';
import { ShowServerError } from './server-error';
import type { Person } from './sessions';
import type { SenderRole } from './wire';

export interface ShowServerContext {
  minter: TokenMinter;
  roomService: Pick<RoomService, 'sendData' | 'updateAttributes'> &
    Partial<Pick<RoomService, 'updateRoomMetadata' | 'deleteRoom'>>;
  /** Corrects the audience count against LiveKit's own list (webhooks get dropped). */
  reconciler: PresenceReconciler;
  /** Closes the rooms of shows their host ended, a little later. */
  closer: RoomCloser;
  webhooks: WebhookReceiver;
  sessions: Sessions;
  database: ShowDatabase;
  hot: HotStore;
  outbox: Outbox;
  /** Finished replay windows, read once however many ask (the HLS audience polls them). */
  replayWindows: ReplayWindows;
  /** Hearts, summed and written to the show's log for the seller's figures. */
  reactions: ReactionTally;
  rules: ChatRules;
  limits: {
    chat: Limiter;
    reactions: Limiter;
    reportsPerConnection: Limiter;
    reportsPerPerson: Limiter;
    moderation: Limiter;
    /** Staff sign-in tries per client address, and for the whole server. */
    signIn: Limiter;
    signInAll: Limiter;
    /** Tokens per person. */
    tokens: Limiter;
    /** Tokens for browsers with no session yet, per client address (trusted proxies only). */
    newcomersPerAddress: Limiter;
    /** Tokens for browsers with no session yet, when addresses are unknown: one shared ceiling. */
    tokensForNewcomers: Limiter;
    /** Commerce event batches per person, and for people without a session yet (per show). */
    events: Limiter;
    eventsForNewcomers: Limiter;
  };
  /** People in the audience before new viewers are refused (`room_full`). */
  maxViewers: number;
  /** Creates show rooms (with their ceiling) before anyone gets a token for them. */
  rooms: RoomOpener;
  /** The caller's address as trusted proxies saw it; undefined when none is trusted. */
  address(request: Request): string | undefined;
  isShow(room: string): Promise<boolean>;
  production: boolean;
  onError: ((error: unknown) => void) | undefined;
  observe: Observe;
  now(): number;
}

export interface Caller {
  person: Person & { isNew: boolean };
  staff: StaffRole | undefined;
  role: SenderRole;
}

export async function callerOf(context: ShowServerContext, request: Request): Promise<Caller> {
  const [person, staff] = await Promise.all([
    context.sessions.person(request),
    context.sessions.staffRole(request),
  ]);
  return { person, staff, role: staff ?? 'viewer' };
}

/** Someone who has joined (their cookie carries the name they chose): they may chat and react. */
export async function joinedCaller(
  context: ShowServerContext,
  request: Request,
): Promise<Caller & { name: string }> {
  const caller = await callerOf(context, request);
  const name = caller.person.name;
  if (caller.person.isNew || name === undefined) {
    throw new ShowServerError('unauthorized', 'Join the show first (your session is missing).');
  }
  return { ...caller, name };
}

export async function requireStaff(context: ShowServerContext, request: Request): Promise<Caller> {
  const caller = await callerOf(context, request);
  if (!caller.staff) {
    throw new ShowServerError('unauthorized', 'Sign in as the host or a moderator first.');
  }
  return caller;
}

export async function requireShow(context: ShowServerContext, room: string): Promise<void> {
  if (!(await context.isShow(room))) throw new ShowServerError('not_found', 'No such show.');
}

export async function takeOrRefuse(limiter: Limiter, key: string, what: string): Promise<void> {
  const decision = await limiter.take(key);
  if (!decision.allowed) {
    throw new ShowServerError('rate_limited', `You are sending ${what} too fast.`, {
      retryAfterMs: decision.retryAfterMs,
    });
  }
}

/** What every write to a show checks first: a POST, from our own site, to a show that exists. */
export async function acceptPost(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<void> {
  requireMethod(request, 'POST');
  requireSameSite(request);
  await requireShow(context, room);
}
