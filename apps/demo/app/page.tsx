import { ConnectionStatus } from '@show/ui';
import { SHOW_ROOM, SHOW_TITLE } from '../lib/catalog';
import { livekitHttpUrl, readConfig } from '../lib/config';
import { demoServer } from '../lib/show-server';
import { NotConfigured } from './NotConfigured';

// Configuration is read per request on the server, so one build serves any LiveKit deployment.
export const dynamic = 'force-dynamic';

// One check of the LiveKit server per 15 s, shared by every visitor: a flood of anonymous hits on
// the home page must not become a flood of requests to LiveKit.
const CHECK_MS = 15_000;
let lastCheck: { url: string; at: number; answer: Promise<boolean> } | undefined;

function serverAnswers(url: string): Promise<boolean> {
  const now = Date.now();
  if (lastCheck?.url === url && now - lastCheck.at < CHECK_MS) return lastCheck.answer;
  const answer = fetch(livekitHttpUrl(url), {
    cache: 'no-store',
    signal: AbortSignal.timeout(2000),
  })
    .then(async (response) => {
      await response.body?.cancel();
      return response.ok;
    })
    .catch(() => false);
  lastCheck = { url, at: now, answer };
  return answer;
}

export default async function HomePage() {
  const result = readConfig();
  if (!result.ok) return <NotConfigured title="Show" problems={result.problems} />;
  const reachable = await serverAnswers(result.config.serverUrl);
  const server = await demoServer(result.config).catch(() => undefined);
  const show = (await server?.show.state(SHOW_ROOM).catch(() => undefined)) ?? {
    status: 'upcoming' as const,
    viewers: 0,
  };
  const replay = (await server?.recordings?.list(SHOW_ROOM).catch(() => []))?.some(
    (recording) => recording.status === 'complete',
  );
  return (
    <main>
      <h1>Show</h1>
      <p>Live video shopping on LiveKit.</p>
      <section className="card" aria-label="Tonight's show" data-show-status={show.status}>
        <p>
          <span
            className="show-badge"
            data-show-phase={show.status === 'live' ? 'live' : undefined}
          >
            {show.status === 'live'
              ? `Live now · ${show.viewers} watching`
              : show.status === 'ended'
                ? 'Ended'
                : 'Upcoming'}
          </span>
        </p>
        <h2>{SHOW_TITLE}</h2>
        <p>
          <a className="show-button show-button--primary" href={`/show/${SHOW_ROOM}`}>
            Join the show
          </a>{' '}
          {replay && (
            <>
              <a href={`/replay/${SHOW_ROOM}`}>Watch the last show again</a>{' '}
            </>
          )}
          <a href="/studio">Host studio</a>
        </p>
      </section>
      <p>
        LiveKit server <code>{result.config.livekitUrl}</code>{' '}
        <ConnectionStatus
          state={reachable ? 'connected' : 'disconnected'}
          labels={{ connected: 'reachable', disconnected: 'not reachable' }}
        />
      </p>
    </main>
  );
}
