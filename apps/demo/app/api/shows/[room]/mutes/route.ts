import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** POST `{ person, muted }` (host and moderators); GET lists who is muted. */
export const GET = roomRoute((show) => show.mutes);
export const POST = GET;
