import { notFound } from 'next/navigation';
import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../../lib/catalog';
import { readConfig } from '../../../lib/config';
import { pageStaffRole } from '../../../lib/sessions';
import { Viewer } from './Viewer';
import { NotConfigured } from '../../NotConfigured';

export const dynamic = 'force-dynamic';

export default async function ShowPage({ params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  if (room !== SHOW_ROOM) notFound();
  const result = readConfig();
  if (!result.ok) return <NotConfigured title={SHOW_TITLE} problems={result.problems} />;
  // The token endpoint makes a signed-in moderator's token a moderator's; this shows the tools.
  const moderator = (await pageStaffRole(result.config)) === 'moderator';
  return (
    <main className="viewer">
      <h1 className="viewer__title">{SHOW_TITLE}</h1>
      {moderator && (
        <p className="viewer__moderating">
          You are moderating: every chat message has delete and mute buttons.
        </p>
      )}
      <Viewer
        serverUrl={result.config.livekitUrl}
        room={room}
        products={catalog}
        moderator={moderator}
        title={SHOW_TITLE}
        recorded={result.config.recordingsDir !== undefined}
      />
    </main>
  );
}
