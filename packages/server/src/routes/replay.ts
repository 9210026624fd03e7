// What happened during a show, by time, for its replay: which products were pinned when, the chat
// (what moderators deleted stays deleted) and the status changes. Public, like the show's state;
// bounded in time and in size.
import { LRUCache } from 'lru-cache';
import { requireShow, type ShowServerContext } from '../context';
import type { ShowDatabase } from '../storage/types';
import { json, requireMethod, timeParam } from '../http';
import { ShowServerError } from '../server-error';
import type { WireChatMessage } from '../wire';
import { toWire } from './chat';

export interface ReplayBody {
  room: string;
  /** The window asked for, ms since the epoch. */
  from: number;
  to: number;
  /** Each change of the pinned products (the ids in order), oldest first. */
  pins: Array<{ at: number; ids: string[] }>;
  /** Each status change (`live`, `ended`, `moved`…), oldest first. */
  status: Array<{ at: number; status: string }>;
  /** The chat, oldest first; `truncated` when there was more than the server sends at once. */
  chat: WireChatMessage[];
  truncated: boolean;
}

/** A day: longer than any show; a replay asks for its recording's window. */
const MAX_WINDOW_MS = 24 * 3600 * 1000;
const MAX_MESSAGES = 5000;
const MAX_LOG_ENTRIES = 5000;

function pinnedIds(detail: string | undefined): string[] {
  try {
    const ids: unknown = JSON.parse(detail ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

interface ReplayWindow {
  room: string;
  from: number;
  to: number;
}

async function readWindow(
  database: ShowDatabase,
  { room, from, to }: ReplayWindow,
): Promise<ReplayBody> {
  const [log, chat] = await Promise.all([
    database.shows.between(room, {
      from,
      to,
      kinds: ['pin', 'status'],
      limit: MAX_LOG_ENTRIES,
    }),
    database.chat.between(room, from, to, MAX_MESSAGES + 1),
  ]);
  return {
    room,
    from,
    to,
    pins: log.filter((e) => e.kind === 'pin').map((e) => ({ at: e.at, ids: pinnedIds(e.detail) })),
    status: log
      .filter((e) => e.kind === 'status')
      .map((e) => ({ at: e.at, status: e.detail ?? '' })),
    chat: chat.slice(0, MAX_MESSAGES).map(toWire),
    truncated: chat.length > MAX_MESSAGES,
  };
}

export interface ReplayWindows {
  read(window: ReplayWindow): Promise<ReplayBody>;
}

/**
 * Finished windows, read once per instance however many ask at once: an overflow audience on HLS
 * polls the same windows (its pages round them to the same edges), so a thousand viewers cost one
 * query per window, not a thousand. Kept `ttlMs` (a moderator's delete shows at the next window).
 */
export function createReplayWindows(
  database: ShowDatabase,
  { ttlMs = 10_000, max = 500 }: { ttlMs?: number; max?: number } = {},
): ReplayWindows {
  const cache = new LRUCache<string, ReplayBody, ReplayWindow>({
    max,
    ttl: ttlMs,
    fetchMethod: (_key, _stale, { context }) => readWindow(database, context),
  });
  return {
    async read(window) {
      const key = `${window.room}\n${window.from}\n${window.to}`;
      const body = await cache.fetch(key, { context: window });
      if (!body) throw new Error('The replay window could not be read.');
      return body;
    },
  };
}

/** `GET /api/shows/:room/replay?from=<ms>&to=<ms>` */
export async function readReplay(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  requireMethod(request, 'GET');
  await requireShow(context, room);
  const url = new URL(request.url);
  const from = timeParam(url, 'from');
  const to = timeParam(url, 'to');
  if (from === undefined || to === undefined) {
    throw new ShowServerError('invalid_request', 'from and to are required (ms since the epoch).');
  }
  if (to < from || to - from > MAX_WINDOW_MS) {
    throw new ShowServerError('invalid_request', 'from … to must be a window of at most a day.');
  }
  // A finished window never changes (deletions aside): shared, and caches may keep it a minute.
  const finished = to < context.now();
  const window = { room, from, to };
  const body = finished
    ? await context.replayWindows.read(window)
    : await readWindow(context.database, window);
  return json(body, 200, finished ? { 'Cache-Control': 'public, max-age=60' } : {});
}
