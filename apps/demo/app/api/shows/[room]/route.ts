import { roomRoute } from '../../../../lib/route';

export const dynamic = 'force-dynamic';

/** `{ room, status, viewers, peakViewers, updatedAt }` from the server's webhooks. */
export const GET = roomRoute((show) => show.show);
