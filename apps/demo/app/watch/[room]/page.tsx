import { notFound } from 'next/navigation';
import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../../lib/catalog';
import { readConfig } from '../../../lib/config';
import { demoServer } from '../../../lib/show-server';
import { NotConfigured } from '../../NotConfigured';
import { Watch } from './Watch';

export const dynamic = 'force-dynamic';

/**
 * The overflow audience's view: the show's live HLS (the recorder's, served by the app, cacheable by
 * a CDN) with its pins back at their moments in the picture. No LiveKit connection: it scales with
 * the CDN, a few seconds behind the WebRTC viewers.
 */
export default async function WatchPage({ params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  if (room !== SHOW_ROOM) notFound();
  const result = readConfig();
  if (!result.ok) return <NotConfigured title={SHOW_TITLE} problems={result.problems} />;
  const server = await demoServer(result.config).catch(() => undefined);
  const on = (await server?.recordings?.list(room))?.find(
    (r) => r.status === 'active' && r.startedAt !== undefined,
  );
  return (
    <main className="viewer">
      <h1 className="viewer__title">{SHOW_TITLE}</h1>
      {on ? (
        <Watch
          room={room}
          products={catalog}
          recording={{ id: on.recordingId, startedAt: on.startedAt as number }}
        />
      ) : (
        <p role="status" className="replay__none">
          {server?.recordings
            ? 'The show is not on right now. This page plays it while it is live: reload it then.'
            : 'Shows are not recorded here (SHOW_RECORDINGS_DIR is not set), so there is no HLS view.'}
        </p>
      )}
    </main>
  );
}
