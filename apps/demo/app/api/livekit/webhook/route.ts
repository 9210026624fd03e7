import { route } from '../../../../lib/route';

export const dynamic = 'force-dynamic';

/** LiveKit's webhooks: verified, applied once, they keep the show's state. */
export const POST = route((show) => show.webhook);
