import { SHOW_ROOM } from '../../lib/catalog';
import { readConfig } from '../../lib/config';
import { pageStaffRole } from '../../lib/sessions';
import { NotConfigured } from '../NotConfigured';
import { SignIn } from '../SignIn';
import { SignOut } from '../SignOut';

export const dynamic = 'force-dynamic';

/** Moderators sign in here, then watch the show page with delete and mute on every message. */
export default async function ModeratePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const result = readConfig();
  if (!result.ok) return <NotConfigured title="Moderation" problems={result.problems} />;
  if ((await pageStaffRole(result.config)) === 'moderator') {
    return (
      <main className="page page--narrow">
        <h1>Moderation</h1>
        <p>You are signed in as a moderator for the next eight hours.</p>
        <a className="show-button show-button--primary" href={`/show/${SHOW_ROOM}`}>
          Open the show
        </a>
        <SignOut />
      </main>
    );
  }
  return (
    <SignIn
      role="moderator"
      title="Moderation"
      intro="Sign in with the moderators' passcode to delete messages and mute viewers in the chat. The demo command prints it when it starts."
      error={(await searchParams).error}
    />
  );
}
