// The seller's figures of a show (host only): viewers, watch time and per-product conversion,
// live and replay apart, as JSON or CSV. Computed from the show's log by @show/analytics.
import {
  figuresToCsv,
  parseCommerceEvent,
  showFigures,
  type AudienceChange,
  type ReactionTally,
  type RecordedEvent,
  type ShowFigures,
} from '@show/analytics';
import { requireShow, requireStaff, type ShowServerContext } from '../context';
import { json, requireMethod, timeParam } from '../http';
import { ShowServerError } from '../server-error';
import type { ShowLogEntry } from '../storage/types';

/** More than any show's log holds; a longer one is cut (and says so). */
const MAX_ENTRIES = 200_000;
const DAY_MS = 24 * 3600 * 1000;

export interface AnalyticsBody extends ShowFigures {
  room: string;
  /** The log was longer than the server reads at once: the figures are of its start. */
  truncated: boolean;
}

/**
 * The latest show's time on air from its status changes: from the first `live` after the room
 * last started (`upcoming`) to the last `ended` after it, or now while it is live.
 */
export function showWindow(
  statuses: readonly ShowLogEntry[],
  now: number,
): { from: number; to: number; openedAt: number } | undefined {
  let opened = -1;
  for (let i = statuses.length - 1; i >= 0; i--) {
    if (statuses[i]?.detail === 'upcoming') {
      opened = i;
      break;
    }
  }
  const session = statuses.slice(opened + 1);
  const live = session.find((entry) => entry.detail === 'live');
  if (!live) return undefined;
  const last = session.at(-1);
  const to = last?.detail === 'ended' ? last.at : now;
  return { from: live.at, to, openedAt: statuses[opened]?.at ?? live.at };
}

function jsonOrNull(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}

/** `GET /api/shows/:room/analytics[?from=&to=][&format=csv]` (the host). */
export async function readAnalytics(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  requireMethod(request, 'GET');
  await requireShow(context, room);
  const caller = await requireStaff(context, request);
  if (caller.staff !== 'host')
    throw new ShowServerError('forbidden', 'The figures are the host’s.');
  const url = new URL(request.url);
  // The hearts this instance is still summing count too (a live studio asks every few seconds).
  await context.reactions.flush();
  const now = context.now();
  const { shows } = context.database;
  let from = timeParam(url, 'from');
  let to = timeParam(url, 'to');
  // Who was in before the show went live counts from that moment: read from the room's start.
  let readFrom = from === undefined ? undefined : from - DAY_MS;
  if (from === undefined || to === undefined) {
    const statuses = await shows.between(room, {
      from: 0,
      to: now,
      kinds: ['status'],
      limit: MAX_ENTRIES,
    });
    const window = showWindow(statuses, now);
    if (!window) throw new ShowServerError('not_found', 'This show has not been live yet.');
    from ??= window.from;
    to ??= window.to;
    readFrom ??= window.openedAt;
  }
  if (to < from) throw new ShowServerError('invalid_request', 'to must not be before from.');
  // Replay events come after the show: read until now.
  const log = await shows.between(room, {
    from: readFrom ?? from,
    to: now,
    kinds: ['join', 'leave', 'commerce', 'reactions'],
    limit: MAX_ENTRIES + 1,
  });
  const audience: AudienceChange[] = [];
  const events: RecordedEvent[] = [];
  const reactions: ReactionTally[] = [];
  for (const entry of log.slice(0, MAX_ENTRIES)) {
    if (entry.kind === 'commerce') {
      const parsed = parseCommerceEvent(jsonOrNull(entry.detail));
      if (parsed.ok && entry.at >= from) {
        events.push({ person: entry.person ?? '', at: entry.at, event: parsed.event });
      }
    } else if (entry.kind === 'reactions') {
      reactions.push({ at: entry.at, count: Number(entry.detail) || 0 });
    } else if (entry.person && (entry.kind === 'join' || entry.kind === 'leave')) {
      audience.push({ kind: entry.kind, person: entry.person, at: entry.at });
    }
  }
  const figures = showFigures({ from, to, audience, events, reactions });
  if (url.searchParams.get('format') === 'csv') {
    return new Response(figuresToCsv(figures), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${room}-${new Date(from).toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  }
  const body: AnalyticsBody = { room, ...figures, truncated: log.length > MAX_ENTRIES };
  return json(body);
}
