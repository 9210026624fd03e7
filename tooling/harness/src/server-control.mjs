// A tiny HTTP control for `with-livekit`, so a test can crash the SFU and bring it back on the same
// address mid-run: POST /crash (SIGKILL, no goodbye to anyone), POST /start. Loopback only.
import { createServer } from 'node:http';

/**
 * @param {{ crash: () => Promise<void>, start: () => Promise<void> }} actions
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveServerControl(actions) {
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();
  const http = createServer((request, response) => {
    const action =
      request.method === 'POST' && (request.url === '/crash' || request.url === '/start')
        ? actions[request.url === '/crash' ? 'crash' : 'start']
        : undefined;
    if (!action) {
      response.writeHead(404).end('POST /crash or POST /start\n');
      return;
    }
    // One at a time: a start never races the crash before it.
    queue = queue
      .then(action)
      .then(() => response.writeHead(204).end())
      .catch((/** @type {unknown} */ error) =>
        response.writeHead(500).end(error instanceof Error ? error.message : String(error)),
      );
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('the control server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
