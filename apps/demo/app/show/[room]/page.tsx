import { notFound } from 'next/navigation';
import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../../lib/catalog';
import { readConfig } from '../../../lib/config';
import { Viewer } from './Viewer';
import { NotConfigured } from '../../NotConfigured';

export const dynamic = 'force-dynamic';

export default async function ShowPage({ params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  if (room !== SHOW_ROOM) notFound();
  const result = readConfig();
  if (!result.ok) return <NotConfigured title={SHOW_TITLE} problems={result.problems} />;
  return (
    <main className="viewer">
      <h1 className="viewer__title">{SHOW_TITLE}</h1>
      <Viewer serverUrl={result.config.livekitUrl} room={room} products={catalog} />
    </main>
  );
}
