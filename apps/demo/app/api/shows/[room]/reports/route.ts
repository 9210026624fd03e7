import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** `{ identity, report }`: a viewer's stream figures, summed for the host by the server. */
export const POST = roomRoute((show) => show.report);
