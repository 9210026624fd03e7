import { notFound } from 'next/navigation';
import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../../lib/catalog';
import { readConfig } from '../../../lib/config';
import { demoServer } from '../../../lib/show-server';
import { NotConfigured } from '../../NotConfigured';
import { Replay } from './Replay';

export const dynamic = 'force-dynamic';

/** The show's latest finished recording (or `?recording=` one of its recordings), shoppable. */
export default async function ReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ room: string }>;
  searchParams: Promise<{ recording?: string | string[] }>;
}) {
  const { room } = await params;
  if (room !== SHOW_ROOM) notFound();
  const result = readConfig();
  if (!result.ok) return <NotConfigured title={SHOW_TITLE} problems={result.problems} />;
  const server = await demoServer(result.config).catch(() => undefined);
  if (!server) {
    return (
      <main className="viewer">
        <p role="alert">The show cannot be reached right now: try again in a moment.</p>
      </main>
    );
  }
  const { recordings } = server;
  const wanted = (await searchParams).recording;
  const finished = (await recordings?.list(room))?.filter(
    (r) => r.status === 'complete' && r.startedAt !== undefined,
  );
  const recording =
    typeof wanted === 'string' ? finished?.find((r) => r.recordingId === wanted) : finished?.[0];
  return (
    <main className="viewer">
      <h1 className="viewer__title">Replay: {SHOW_TITLE}</h1>
      {recording ? (
        <Replay
          room={room}
          products={catalog}
          recording={{
            id: recording.recordingId,
            startedAt: recording.startedAt as number,
            endedAt: recording.endedAt ?? (recording.startedAt as number),
            durationSeconds: recording.durationSeconds,
          }}
        />
      ) : (
        <p role="status" className="replay__none">
          {recordings
            ? 'There is no recording of this show yet: come back after it has been live.'
            : 'Shows are not recorded here (SHOW_RECORDINGS_DIR is not set).'}
        </p>
      )}
    </main>
  );
}
