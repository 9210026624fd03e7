// nginx from Debian as the reverse proxy in front of the app, as production runs it: it appends
// the address it saw to X-Forwarded-For (what TRUSTED_PROXY_HOPS=1 believes) and passes Host on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAptPackages } from './apt.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { freeTcpPort } from './ports.mjs';
import { logToStderr } from './run.mjs';
import { spawnTied, stopTied } from './tied-process.mjs';
import { waitFor } from './wait-for.mjs';
import { which } from './which.mjs';

/**
 * @typedef {object} ReverseProxy
 * @property {string} url http://127.0.0.1:<port>
 * @property {number} port
 * @property {string} logFile nginx's error log; requests are in `accessLog`
 * @property {string} accessLog
 * @property {() => Promise<void>} stop
 */

/**
 * Starts nginx on a free loopback port, forwarding everything to `upstream` (WebSocket upgrades
 * included).
 * @param {{ upstream: string, name?: string, port?: number }} options
 * @returns {Promise<ReverseProxy>}
 */
export async function startReverseProxy({ upstream, name = 'proxy', port: wanted }) {
  await ensureAptPackages(['nginx'], {
    why: 'the reverse proxy in front of the app',
    log: logToStderr,
  });
  const binary = which('nginx') ?? '/usr/sbin/nginx';
  const port = wanted ?? /** @type {number} */ (await freeTcpPort());
  const dir = ensureDir(join(runDir, `nginx-${name}-${process.pid}-${port}`));
  const logFile = join(dir, 'error.log');
  const accessLog = join(dir, 'access.log');
  writeFileSync(logFile, '');
  const config = join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `# Written by the Show harness for one run.
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${logFile} warn;
events { worker_connections 1024; }
http {
  access_log ${accessLog};
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass ${upstream};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
    }
  }
}
`,
  );
  const child = spawnTied(binary, ['-c', config, '-p', dir, '-e', logFile], { logFile });
  const url = `http://127.0.0.1:${port}`;
  const ready = () =>
    fetch(`${url}/`, { signal: AbortSignal.timeout(1000), redirect: 'manual' }).then(
      async (response) => {
        await response.body?.cancel();
        return response.status !== 502;
      },
      () => false,
    );
  await waitFor('nginx', ready, child, logFile);
  return { url, port, logFile, accessLog, stop: () => stopTied(child) };
}
