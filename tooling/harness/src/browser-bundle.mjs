import { createServer } from 'node:http';
import { launchChromium } from './chromium.mjs';

/**
 * Bundles a browser entry (TypeScript allowed, dependencies included) with esbuild and serves it
 * on 127.0.0.1 behind a blank page, a secure context where getUserMedia works.
 * @param {{ entry: string, title?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveBrowserBundle({ entry, title = 'Show harness' }) {
  const { script, page } = await bundlePage(entry, title);

  const server = createServer((request, response) => {
    if (request.url === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

/**
 * The bundled script and a blank page that loads it from `/bundle.js`, for a test that serves
 * the page from its own server (so the page and that server share an origin and cookies).
 * @param {string} entry
 * @param {string} title
 * @returns {Promise<{ script: string, page: string }>}
 */
export async function bundlePage(entry, title) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text ?? '';
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><script type="module" src="/bundle.js"></script></body></html>`;
  return { script, page };
}

/**
 * The same page answered by Playwright itself at http://127.0.0.1:9/ (a secure context), for a
 * browser that cannot reach this process's network, such as one inside a network namespace.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ entry: string, title?: string }} options
 * @returns {Promise<string>} the page's URL
 */
export async function routeBrowserBundle(context, { entry, title = 'Show harness' }) {
  const { script, page } = await bundlePage(entry, title);
  const origin = 'http://127.0.0.1:9';
  // Chrome treats a page Playwright answers as a public origin: let it reach loopback servers.
  await context.grantPermissions(['local-network-access'], { origin });
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/bundle.js')
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
    if (url.pathname === '/')
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page });
    return route.fulfill({ status: 404, body: '' });
  });
  return `${origin}/`;
}

/**
 * A live test's browser: the system Chromium with one context, and a page site. `close()` ends both.
 * @param {() => Promise<{ url: string, close: () => Promise<void> }>} serve
 *   how the page is served, e.g. `() => serveBrowserBundle({ entry })` or `serveRoomPage`
 */
export async function openTestBrowser(serve) {
  const [site, browser] = await Promise.all([serve(), launchChromium()]);
  const context = await browser.newContext();
  return {
    url: site.url,
    browser,
    context,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
