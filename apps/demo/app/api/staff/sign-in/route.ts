import { route } from '../../../../lib/route';

export const dynamic = 'force-dynamic';

// The sign-in forms post here: `?role=host|moderator`, field `passcode` (see @show/server).
export const POST = route((show) => show.signIn);
