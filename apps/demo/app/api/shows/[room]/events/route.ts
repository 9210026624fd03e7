import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** `{ events }`: what a viewer did with the products (live or in the replay). */
export const POST = roomRoute((show) => show.events);
