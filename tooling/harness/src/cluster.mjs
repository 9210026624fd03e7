// The production topology on one machine: Redis (persistent) and PostgreSQL, three livekit-server
// nodes sharing rooms through Redis, two instances of the built demo, and Caddy in front
// terminating TLS for both (HTTPS for the app, WSS for signalling) with health checks. Media goes
// to each node directly, as in production. Everything binds 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { startPostgres, startRedis } from './databases.mjs';
import { startFrontProxy } from './front-proxy.mjs';
import { startLiveKitServer } from './livekit-server.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { freeTcpPorts } from './ports.mjs';
import { logToStderr } from './run.mjs';
import { startBuiltDemo } from './demo-app.mjs';
import { killTied, stopTied } from './tied-process.mjs';
import { waitFor } from './wait-for.mjs';

/**
 * @typedef {object} ClusterApp
 * @property {number} port
 * @property {string} url its own http://127.0.0.1:port (the proxy's upstream)
 * @property {string} logFile
 * @property {number | undefined} pid
 * @property {() => Promise<void>} stop
 * @property {() => Promise<void>} crash SIGKILL, as a crash would
 */

/**
 * @typedef {object} Cluster
 * @property {string} appUrl what browsers open: https through the proxy
 * @property {string} livekitUrl what browsers connect to: wss through the proxy
 * @property {import('./livekit-server.mjs').LiveKitServer[]} nodes
 * @property {ClusterApp[]} apps
 * @property {import('./front-proxy.mjs').FrontProxy} proxy
 * @property {{ url: string }} redis
 * @property {{ url: string }} postgres
 * @property {{ apiKey: string, apiSecret: string, hostPasscode: string, moderatorPasscode: string, metricsToken: string }} secrets
 * @property {string[]} chromiumArgs flags that make a test browser trust the proxy's certificate
 * @property {(index: number) => Promise<import('./livekit-server.mjs').LiveKitServer>} restartNode
 *   starts node `index` again (after a crash) on its port, with its configuration
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ nodes?: number, apps?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<Cluster>}
 */
export async function startCluster(options = {}) {
  const log = options.log ?? logToStderr;
  const nodeCount = options.nodes ?? 3;
  const appCount = options.apps ?? 2;
  /** @type {Array<() => Promise<void>>} */
  const stops = [];
  const stop = async () => {
    for (const done of stops.reverse()) await done().catch(() => {});
  };
  try {
    const secrets = {
      apiKey: `API${randomBytes(6).toString('hex')}`,
      apiSecret: randomBytes(32).toString('base64url'),
      hostPasscode: randomBytes(9).toString('base64url'),
      moderatorPasscode: randomBytes(9).toString('base64url'),
      metricsToken: randomBytes(18).toString('base64url'),
    };
    const sessionSecret = randomBytes(32).toString('base64url');
    const stem = `cluster-${process.pid}-${Date.now()}`;
    const redis = await startRedis({ name: 'cluster', persistDir: join(runDir, `${stem}-redis`) });
    stops.push(redis.stop);
    const postgres = await startPostgres({ name: 'cluster' });
    stops.push(postgres.stop);

    const appPorts = await freeTcpPorts(appCount);
    const livekitPorts = await freeTcpPorts(nodeCount);
    const proxy = await startFrontProxy({ appPorts, livekitPorts, name: 'cluster' });
    stops.push(proxy.stop);
    log(`cluster: Caddy on ${proxy.appUrl} (app) and ${proxy.livekitUrl} (LiveKit)`);

    // Webhooks go through the proxy (any healthy app instance); the nodes trust its local CA.
    /** @type {import('./livekit-server.mjs').LiveKitServer[]} */
    const nodes = [];
    const startNode = async (/** @type {number} */ index) => {
      const node = await startLiveKitServer({
        name: `cluster-${index + 1}`,
        port: /** @type {number} */ (livekitPorts[index]),
        apiKey: secrets.apiKey,
        apiSecret: secrets.apiSecret,
        webhookUrls: [`${proxy.appUrl}/api/livekit/webhook`],
        autoCreateRooms: false,
        redisAddress: `127.0.0.1:${redis.port}`,
        turn: true,
        env: { ...process.env, SSL_CERT_FILE: proxy.caFile },
      });
      stops.push(node.stop);
      nodes[index] = node;
      return node;
    };
    for (const index of livekitPorts.keys()) await startNode(index);
    log(`cluster: ${nodes.length} LiveKit nodes on ${nodes.map((n) => n.ports.http).join(', ')}`);

    /** @type {ClusterApp[]} */
    const apps = [];
    for (const [index, port] of appPorts.entries()) {
      const logFile = join(ensureDir(runDir), `${stem}-app-${index + 1}-${port}.log`);
      const child = startBuiltDemo({
        port,
        logFile,
        env: {
          NODE_ENV: 'production',
          NEXT_PUBLIC_LIVEKIT_URL: proxy.livekitUrl,
          LIVEKIT_URL: proxy.livekitHttpsUrl,
          LIVEKIT_API_KEY: secrets.apiKey,
          LIVEKIT_API_SECRET: secrets.apiSecret,
          SHOW_SESSION_SECRET: sessionSecret,
          SHOW_HOST_PASSCODE: secrets.hostPasscode,
          SHOW_MODERATOR_PASSCODE: secrets.moderatorPasscode,
          SHOW_METRICS_TOKEN: secrets.metricsToken,
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          // Caddy replaces a client's X-Forwarded-For with the address it saw.
          TRUSTED_PROXY_HOPS: '1',
          // The room service is called through the proxy: Node trusts its local CA too.
          NODE_EXTRA_CA_CERTS: proxy.caFile,
        },
      });
      const url = `http://127.0.0.1:${port}`;
      const app = {
        port,
        url,
        logFile,
        pid: child.pid,
        stop: () => stopTied(child),
        crash: () => killTied(child),
      };
      stops.push(app.stop);
      await waitFor(
        `app instance ${index + 1} (next start)`,
        () => healthy(`${url}/api/health`),
        child,
        logFile,
        60_000,
      );
      apps.push(app);
    }
    log(`cluster: ${apps.length} app instances on ${appPorts.join(', ')}`);
    // Both sites answer through the proxy once its health checks have seen the upstreams.
    const ca = readFileSync(proxy.caFile);
    await until(() => healthyOverTls(`${proxy.appUrl}/api/health`, ca), 'the app through Caddy');
    return {
      appUrl: proxy.appUrl,
      livekitUrl: proxy.livekitUrl,
      nodes,
      apps,
      proxy,
      redis,
      postgres,
      secrets,
      chromiumArgs: [`--ignore-certificate-errors-spki-list=${proxy.spki}`],
      restartNode: startNode,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** @param {string} url plain http: an upstream's own address */
async function healthy(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The same through the proxy: `fetch` cannot be told to trust one more authority per request,
 * so this goes through node:https with the proxy's root certificate.
 * @param {string} url
 * @param {Buffer} ca
 */
function healthyOverTls(url, ca) {
  return new Promise((resolve) => {
    const req = request(url, { ca, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * @param {() => Promise<boolean>} check
 * @param {string} what
 */
async function until(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
