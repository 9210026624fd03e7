import { roomRoute } from '../../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** `{ id }`, host and moderators: deleted for everyone, late joiners too. */
export const POST = roomRoute((show) => show.deleteMessage);
