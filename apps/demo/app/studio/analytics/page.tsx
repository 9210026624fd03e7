import { redirect } from 'next/navigation';
import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../../lib/catalog';
import { readConfig } from '../../../lib/config';
import { pageStaffRole } from '../../../lib/sessions';
import { NotConfigured } from '../../NotConfigured';
import { Figures } from './Figures';

export const dynamic = 'force-dynamic';

/** The seller's figures of the latest show: the host only (others sign in at the studio). */
export default async function AnalyticsPage() {
  const result = readConfig();
  if (!result.ok) return <NotConfigured title="Figures" problems={result.problems} />;
  if ((await pageStaffRole(result.config)) !== 'host') redirect('/studio');
  return (
    <main className="studio">
      <header className="studio__header">
        <h1>Figures · {SHOW_TITLE}</h1>
        <a href="/studio">Back to the studio</a>
      </header>
      <Figures room={SHOW_ROOM} products={catalog.map(({ id, title }) => ({ id, title }))} />
    </main>
  );
}
