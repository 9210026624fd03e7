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

export async function readShow(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  requireMethod(request, 'GET');
  await requireShow(context, room);
  const [record, viewers] = await Promise.all([
    context.database.shows.show(room),
    context.hot.presence.count(room),
  ]);
  const body: ShowStateBody = { ...record, viewers };
  return json(body);
}
