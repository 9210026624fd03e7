import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** The host's figures of the latest show (`?from=&to=` for a window), JSON or `?format=csv`. */
export const GET = roomRoute((show) => show.analytics);
