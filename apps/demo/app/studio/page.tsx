import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../lib/catalog';
import { readConfig } from '../../lib/config';
import { pageStaffRole } from '../../lib/sessions';
import { Studio } from './Studio';
import { NotConfigured } from '../NotConfigured';
import { SignIn } from '../SignIn';
import { SignOut } from '../SignOut';

export const dynamic = 'force-dynamic';

export default async function StudioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const result = readConfig();
  if (!result.ok) return <NotConfigured title="Studio" problems={result.problems} />;
  if ((await pageStaffRole(result.config)) === 'host') {
    return (
      <main className="studio">
        <header className="studio__header">
          <h1>Studio · {SHOW_TITLE}</h1>
          <a href={`/show/${SHOW_ROOM}`} target="_blank" rel="noreferrer">
            Open the viewer page
          </a>
          <a href="/studio/analytics">Figures of the last show</a>
          <SignOut />
        </header>
        <Studio serverUrl={result.config.livekitUrl} room={SHOW_ROOM} products={catalog} />
      </main>
    );
  }
  return (
    <SignIn
      role="host"
      title="Host studio"
      intro="Sign in with the studio passcode to go live. The demo command prints it when it starts."
      error={(await searchParams).error}
    />
  );
}
