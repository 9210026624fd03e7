import { readConfig } from '../../../lib/config';
import { demoServer } from '../../../lib/show-server';

export const dynamic = 'force-dynamic';

/**
 * For load balancers: 200 when this instance is configured and its show server is open (its
 * storage reachable), 503 otherwise. Says nothing else.
 */
export async function GET(): Promise<Response> {
  const result = readConfig();
  const ok =
    result.ok &&
    (await demoServer(result.config).then(
      () => true,
      () => false,
    ));
  return new Response(ok ? 'ok' : 'unavailable', {
    status: ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' },
  });
}
