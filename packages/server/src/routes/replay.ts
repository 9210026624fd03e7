// What happened during a show, by time, for its replay: which products were pinned when, the chat
// (what moderators deleted stays deleted) and the status changes. Public, like the show's state;
// bounded in time and in size.
import { requireShow, type ShowServerContext } from '../context';
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
  const [log, chat] = await Promise.all([
    context.database.shows.between(room, {
      from,
      to,
      kinds: ['pin', 'status'],
      limit: MAX_LOG_ENTRIES,
    }),
    context.database.chat.between(room, from, to, MAX_MESSAGES + 1),
  ]);
  const body: ReplayBody = {
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
  // A finished window never changes (deletions aside): caches may keep it for a minute.
  return json(body, 200, to < context.now() ? { 'Cache-Control': 'public, max-age=60' } : {});
}
