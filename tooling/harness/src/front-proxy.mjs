// The front of a cluster: Debian's Caddy terminating TLS with a certificate authority of its own
// (`tls internal`), balancing the app instances (HTTPS) and the LiveKit nodes' signalling (WSS),
// each with active health checks. Caddy rather than nginx: nginx's open-source build has passive
// health checks only (a dead upstream is found by failing real requests), and Caddy makes and
// renews the local certificates itself.
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureAptPackages } from './apt.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { freeTcpPorts } from './ports.mjs';
import { logToStderr } from './run.mjs';
import { spawnTied, stopTied } from './tied-process.mjs';
import { which } from './which.mjs';

/**
 * @typedef {object} FrontProxy
 * @property {string} appUrl https://127.0.0.1:P, the app instances behind it
 * @property {string} livekitUrl wss://127.0.0.1:Q, the LiveKit nodes' signalling behind it
 * @property {string} livekitHttpsUrl https://127.0.0.1:Q, the same for the room service API
 * @property {string} caFile the local certificate authority's root certificate (PEM)
 * @property {string} spki base64 SHA-256 of the served certificate's public key, for Chromium's
 *   `--ignore-certificate-errors-spki-list` (how a test browser is told to trust it)
 * @property {string} logFile
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ appPorts: number[], livekitPorts: number[], appHealthPath?: string, name?: string }} options
 * @returns {Promise<FrontProxy>}
 */
export async function startFrontProxy(options) {
  await ensureAptPackages(['caddy'], { why: 'the cluster (TLS front proxy)', log: logToStderr });
  const caddy = which('caddy') ?? '/usr/bin/caddy';
  const [appPort, livekitPort] = /** @type {[number, number]} */ (await freeTcpPorts(2));
  const stem = `caddy-${options.name ?? 'front'}-${process.pid}-${appPort}`;
  const dataDir = ensureDir(join(runDir, stem));
  const caddyfile = join(dataDir, 'Caddyfile');
  const logFile = join(runDir, `${stem}.log`);
  const upstreams = (/** @type {number[]} */ ports) => ports.map((p) => `127.0.0.1:${p}`).join(' ');
  writeFileSync(
    caddyfile,
    `{
	admin off
	storage file_system ${dataDir}
	skip_install_trust
	local_certs
	auto_https disable_redirects
}

# The app: any healthy instance; a failed one is skipped at the next check (every 2 s).
https://127.0.0.1:${appPort} {
	tls internal
	reverse_proxy ${upstreams(options.appPorts)} {
		lb_policy round_robin
		lb_try_duration 5s
		health_uri ${options.appHealthPath ?? '/api/health'}
		health_interval 2s
		health_timeout 2s
	}
}

# LiveKit's signalling (WebSocket) and room service; media goes to each node directly (UDP).
https://127.0.0.1:${livekitPort} {
	tls internal
	reverse_proxy ${upstreams(options.livekitPorts)} {
		lb_policy round_robin
		lb_try_duration 5s
		health_uri /
		health_interval 1s
		health_timeout 1s
	}
}
`,
  );
  writeFileSync(logFile, '');
  const child = spawnTied(caddy, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    logFile,
  });
  const caFile = join(dataDir, 'pki', 'authorities', 'local', 'root.crt');
  const leaf = join(dataDir, 'certificates', 'local', '127.0.0.1', '127.0.0.1.crt');
  const deadline = Date.now() + 30_000;
  while (!existsSync(caFile) || !existsSync(leaf)) {
    if (child.exitCode !== null) throw new Error(`caddy exited at start: see ${logFile}`);
    if (Date.now() > deadline) {
      await stopTied(child);
      throw new Error(`caddy made no certificate within 30 s: see ${logFile}`);
    }
    await sleep(100);
  }
  return {
    appUrl: `https://127.0.0.1:${appPort}`,
    livekitUrl: `wss://127.0.0.1:${livekitPort}`,
    livekitHttpsUrl: `https://127.0.0.1:${livekitPort}`,
    caFile,
    spki: spkiOf(leaf),
    logFile,
    stop: () => stopTied(child),
  };
}

/** @param {string} certificate a PEM file */
function spkiOf(certificate) {
  const key = new X509Certificate(readFileSync(certificate)).publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}
