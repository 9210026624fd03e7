import { route } from '../../../../lib/route';

export const dynamic = 'force-dynamic';

/** The seed's token contract on @show/server (one identity per tab, hidden viewers). */
const handle = route((show) => show.token);
export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
