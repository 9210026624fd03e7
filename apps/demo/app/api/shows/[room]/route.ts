import { showState } from '../../../../lib/show-state';

export const dynamic = 'force-dynamic';

/** The show's status and viewer counts, from the server's webhooks: `{ room, status, viewers, peakViewers }`. */
export async function GET(_request: Request, { params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  return Response.json(await showState().get(room), { headers: { 'Cache-Control': 'no-store' } });
}
