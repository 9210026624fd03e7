import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** `?from=&to=` (ms): the pins, chat and status changes of that window, for a replay. */
export const GET = roomRoute((show) => show.replay);
