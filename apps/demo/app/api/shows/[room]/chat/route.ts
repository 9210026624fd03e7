import { roomRoute } from '../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** GET: history, your mute, the count. POST `{ text, id? }`: a message, through the server. */
export const GET = roomRoute((show) => show.chat);
export const POST = GET;
