// The show's public state: status, viewers now (people, not tabs), the peak.
import { requireShow, type ShowServerContext } from '../context';
import { json, requireMethod } from '../http';

export interface ShowStateBody {
  room: string;
  status: 'upcoming' | 'live' | 'ended';
  viewers: number;
  peakViewers: number;
  updatedAt: number | null;
}

export async function showState(context: ShowServerContext, room: string): Promise<ShowStateBody> {
  const [record, viewers] = await Promise.all([
    context.database.shows.show(room),
    context.hot.presence.count(room),
  ]);
  return { ...record, viewers };
}

export async function readShow(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  requireMethod(request, 'GET');
  await requireShow(context, room);
  return json(await showState(context, room));
}
