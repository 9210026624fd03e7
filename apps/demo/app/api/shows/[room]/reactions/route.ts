import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** A tap of the heart: limited per person, summed before anyone sees it. */
export const POST = roomRoute((show) => show.react);
