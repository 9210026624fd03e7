import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** `{ ids }`, the host only: logged with the time and set on the host for every page. */
export const POST = roomRoute((show) => show.pins);
