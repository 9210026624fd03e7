import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureGoTool } from './go-tool.mjs';
import { NAMESPACE_ADDRESS } from './netns.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { DEV_API_KEY, DEV_API_SECRET, LIVEKIT_SERVER } from './pins.mjs';
import { freeTcpPorts, freeUdpPort } from './ports.mjs';
import { killTied, signalTiedCommand, spawnTied, stopTied } from './tied-process.mjs';

/**
 * @typedef {object} LiveKitServerOptions
 * @property {string} [name] label for the config and log files
 * @property {string} [apiKey] defaults to LIVEKIT_API_KEY, then the dev key
 * @property {string} [apiSecret] defaults to LIVEKIT_API_SECRET, then the dev secret
 * @property {string[]} [webhookUrls] where the server POSTs room and participant events
 * @property {number} [port] HTTP/WebSocket port (default: a free one)
 * @property {number} [startTimeoutMs]
 * @property {import('./netns.mjs').NetworkNamespace} [netns] run it inside this network namespace
 *   (the server then advertises the namespace's own address, not 127.0.0.1)
 * @property {boolean} [autoCreateRooms] let a join create its room (default true); false is what
 *   production runs: only rooms the app's server creates (with their ceiling) can be joined
 * @property {boolean} [tcp] offer ICE over TCP as a fallback (default true); tests that impair UDP
 *   turn it off, or ICE may pick TCP and the impairment would never touch the media
 * @property {string} [redisAddress] host:port of a Redis shared by several nodes (a cluster)
 * @property {boolean} [turn] run LiveKit's embedded TURN server over UDP (on `ports.turnUdp`)
 * @property {NodeJS.ProcessEnv} [env] the server's environment (e.g. SSL_CERT_FILE, so it trusts a
 *   local certificate authority when it posts webhooks over https)
 */

/**
 * @typedef {object} LiveKitServer
 * @property {string} wsUrl what clients connect to, e.g. ws://127.0.0.1:7880
 * @property {string} httpUrl the same server over HTTP (room service API)
 * @property {string} prometheusUrl the server's Prometheus metrics endpoint
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {{ http: number, rtcTcp: number, rtcUdp: number, prometheus: number, turnUdp?: number }} ports
 * @property {string} logFile
 * @property {number | undefined} pid the process running it (with its children, for CPU figures)
 * @property {string} version
 * @property {() => Promise<void>} stop
 * @property {() => Promise<void>} crash kills the server at once (SIGKILL), as a crash would: no
 *   participant is told, so clients see their connection drop and try to reconnect
 * @property {() => Promise<{ code: number | null }>} drain one SIGTERM, as a rolling deploy sends:
 *   the node takes no new rooms (with Redis, the others get them) and exits by itself once nobody
 *   is left in its rooms (checked every 5 s); resolves when it has exited
 */

/**
 * Starts a livekit-server bound to 127.0.0.1 in dev mode with a generated config, waits until it
 * answers, and returns how to reach it. Every port is chosen free, so several runs can coexist.
 * @param {LiveKitServerOptions} [options]
 * @returns {Promise<LiveKitServer>}
 */
export async function startLiveKitServer(options = {}) {
  const binary = await ensureGoTool(LIVEKIT_SERVER, { envVar: 'LIVEKIT_SERVER_BIN' });
  const apiKey = options.apiKey ?? process.env.LIVEKIT_API_KEY ?? DEV_API_KEY;
  const apiSecret = options.apiSecret ?? process.env.LIVEKIT_API_SECRET ?? DEV_API_SECRET;
  const [freeHttp, rtcTcp, prometheus] = await freeTcpPorts(3);
  const http = options.port ?? /** @type {number} */ (freeHttp);
  const rtcUdp = /** @type {number} */ (await freeUdpPort());
  const ports = {
    http,
    rtcTcp: /** @type {number} */ (rtcTcp),
    rtcUdp,
    prometheus: /** @type {number} */ (prometheus),
    ...(options.turn && { turnUdp: /** @type {number} */ (await freeUdpPort()) }),
  };

  const stem = `livekit-${options.name ?? 'server'}-${process.pid}-${http}`;
  ensureDir(runDir);
  const configFile = join(runDir, `${stem}.yaml`);
  const logFile = join(runDir, `${stem}.log`);
  writeFileSync(
    configFile,
    serverConfig({
      apiKey,
      apiSecret,
      ports,
      webhookUrls: options.webhookUrls ?? [],
      nodeIp: options.netns ? NAMESPACE_ADDRESS : '127.0.0.1',
      tcp: options.tcp ?? true,
      autoCreateRooms: options.autoCreateRooms ?? true,
      ...(options.redisAddress && { redisAddress: options.redisAddress }),
    }),
  );
  writeFileSync(logFile, '');

  const [command, args] = options.netns
    ? options.netns.wrap(binary, ['--dev', '--config', configFile])
    : [binary, ['--dev', '--config', configFile]];
  const child = spawnTied(command, args, { logFile, ...(options.env && { env: options.env }) });
  const ready = options.netns
    ? (/** @type {string} */ url) => options.netns?.fetchText(url).then((t) => t !== undefined)
    : answers;
  const httpUrl = `http://127.0.0.1:${http}`;
  const server = {
    wsUrl: `ws://127.0.0.1:${http}`,
    httpUrl,
    prometheusUrl: `http://127.0.0.1:${ports.prometheus}/metrics`,
    apiKey,
    apiSecret,
    ports,
    logFile,
    pid: child.pid,
    version: LIVEKIT_SERVER.version,
    stop: () => stopTied(child),
    crash: () => killTied(child),
    drain: () => signalTiedCommand(child, 'SIGTERM'),
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `livekit-server exited (code ${child.exitCode}) before answering. Log ${logFile}:\n${tail(logFile)}`,
      );
    }
    if ((await ready(httpUrl)) && (await ready(server.prometheusUrl))) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `livekit-server did not answer on ${httpUrl} in time. Log ${logFile}:\n${tail(logFile)}`,
      );
    }
    await sleep(100);
  }
}

/**
 * The YAML the server reads. Single-port UDP mux plus a TCP fallback, loopback candidates on, and
 * no external IP discovery (there is no network beyond this machine).
 * @param {{ apiKey: string, apiSecret: string, ports: LiveKitServer['ports'], webhookUrls: string[], nodeIp?: string, tcp?: boolean, autoCreateRooms?: boolean, redisAddress?: string }} c
 *   (`ports.turnUdp` turns on LiveKit's TURN server over UDP there)
 */
export function serverConfig({
  apiKey,
  apiSecret,
  ports,
  webhookUrls,
  nodeIp = '127.0.0.1',
  tcp = true,
  autoCreateRooms = true,
  redisAddress,
}) {
  const lines = [
    `port: ${ports.http}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    // 0 turns LiveKit's ICE/TCP fallback off.
    `  tcp_port: ${tcp ? ports.rtcTcp : 0}`,
    `  udp_port: ${ports.rtcUdp}`,
    `  node_ip: ${nodeIp}`,
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    'keys:',
    `  ${JSON.stringify(apiKey)}: ${JSON.stringify(apiSecret)}`,
    'prometheus:',
    `  port: ${ports.prometheus}`,
    'logging:',
    '  level: info',
    'room:',
    `  auto_create: ${autoCreateRooms}`,
  ];
  if (redisAddress) {
    lines.push(
      // Several nodes share rooms and routing through Redis: keep it persistent (a Redis restarted
      // empty splits a live show into two rooms).
      'redis:',
      `  address: ${redisAddress}`,
      // A node relaying signalling for a room on a dead node notices after 2 s of unanswered
      // relays instead of about 10 (measured: viewers back in 7-10 s instead of 12-15 s).
      'signal_relay:',
      '  retry_timeout: 2s',
      // New rooms go to the least loaded node that is up (by CPU), not to a random one.
      'node_selector:',
      '  kind: cpuload',
      '  sort_by: cpuload',
    );
  }
  if (ports.turnUdp) {
    // TURN over UDP needs no certificate (TURN over TLS on 443 does: a domain and its key pair).
    lines.push('turn:', '  enabled: true', `  udp_port: ${ports.turnUdp}`);
  }
  if (webhookUrls.length > 0) {
    lines.push('webhook:', `  api_key: ${JSON.stringify(apiKey)}`, '  urls:');
    for (const url of webhookUrls) lines.push(`    - ${JSON.stringify(url)}`);
    // LiveKit queues at most 200 events per room and drops the rest ("queue is full"): 300
    // viewers leaving at once lost 96 participant_left events in the crowd rig.
    lines.push('  resource_url_notifier:', '    max_depth: 5000');
  }
  return `${lines.join('\n')}\n`;
}

/** @param {string} url */
async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** @param {string} file */
function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
