import { route } from '../../../../lib/route';

export const dynamic = 'force-dynamic';

// The sign-out button's form posts here.
export const POST = route((show) => show.signOut);
