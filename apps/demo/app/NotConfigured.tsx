import 'server-only';
import { log } from '../lib/log';

const logged = new Set<string>();

/**
 * What every page shows until the configuration is complete. The problems themselves are for the
 * operator: listed on the page in development (`next dev`, or SHOW_LOCAL_DEV=1), written to the
 * server's log otherwise, where anonymous visitors cannot read them.
 */
export function NotConfigured({ title, problems }: { title: string; problems: string[] }) {
  const details = process.env.NODE_ENV !== 'production' || process.env.SHOW_LOCAL_DEV === '1';
  const key = problems.join('\n');
  if (!details && !logged.has(key)) {
    logged.add(key);
    log().error({ problems }, 'the demo is not configured');
  }
  return (
    <main className="page">
      <h1>{title}</h1>
      {details ? (
        <>
          <p>The demo is not configured yet:</p>
          <ul aria-label="Configuration problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>The show is not available right now. Please try again later.</p>
      )}
    </main>
  );
}
