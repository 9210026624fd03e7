import { cookies } from 'next/headers';
import { catalog, SHOW_ROOM, SHOW_TITLE } from '../../lib/catalog';
import { readConfig } from '../../lib/config';
import { HOST_COOKIE, isHostSession } from '../../lib/host-session';
import { Studio } from './Studio';
import { NotConfigured } from '../NotConfigured';

export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  wrong: 'That passcode is not right. Check it and try again.',
  'too-many': 'Too many attempts. Wait a few minutes, then try again.',
  closed: 'The studio is closed: SHOW_HOST_PASSCODE is not set on the server.',
};

export default async function StudioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const result = readConfig();
  if (!result.ok) return <NotConfigured title="Studio" problems={result.problems} />;
  const session = (await cookies()).get(HOST_COOKIE)?.value;
  if (isHostSession(session, result.config.apiSecret)) {
    return (
      <main className="studio">
        <header className="studio__header">
          <h1>Studio · {SHOW_TITLE}</h1>
          <a href={`/show/${SHOW_ROOM}`} target="_blank" rel="noreferrer">
            Open the viewer page
          </a>
        </header>
        <Studio serverUrl={result.config.livekitUrl} room={SHOW_ROOM} products={catalog} />
      </main>
    );
  }
  const error = (await searchParams).error;
  const message = typeof error === 'string' ? ERRORS[error] : undefined;
  return (
    <main className="page page--narrow">
      <h1>Host studio</h1>
      <p>Sign in with the studio passcode to go live. The demo command prints it when it starts.</p>
      <form action="/api/studio/session" method="post" className="sign-in">
        <label htmlFor="passcode">Passcode</label>
        <input
          id="passcode"
          name="passcode"
          type="password"
          autoComplete="current-password"
          required
          className="show-input"
        />
        <button type="submit" className="show-button show-button--primary">
          Sign in
        </button>
        {message && (
          <p role="alert" className="sign-in__error">
            {message}
          </p>
        )}
      </form>
    </main>
  );
}
