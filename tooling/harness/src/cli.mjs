#!/usr/bin/env node
// The project's one entry for provisioning and running: `show-harness <command>`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureFfmpeg } from './ffmpeg.mjs';
import { ensureGoTool } from './go-tool.mjs';
import { startCluster } from './cluster.mjs';
import { startLiveKitServer } from './livekit-server.mjs';
import { repoRoot } from './paths.mjs';
import { LIVEKIT_SERVER, LK_CLI } from './pins.mjs';
import { freeTcpPort } from './ports.mjs';
import { logToStderr } from './run.mjs';
import { runTestSuite } from './test-suite.mjs';
import { serveServerControl } from './server-control.mjs';
import { spawnTied, stopTied } from './tied-process.mjs';

const USAGE = `usage: show-harness <command>
  ensure [server] [lk] [chromium]  find or build/install the tools (all three when none is named)
  server                           run a local livekit-server until interrupted
  with-livekit -- <cmd> [args…]    run a command with a fresh livekit-server (a random API secret
                                   per run) and its env vars; SHOW_WEBHOOK_URLS adds webhook targets;
                                   POST $SHOW_LIVEKIT_CONTROL_URL/crash or /start from tests
  demo                             build the packages and run the demo app with a local server
  demo --cluster                   the production topology: Redis, PostgreSQL, three LiveKit nodes,
                                   two built demo instances, Caddy with TLS (a local CA) in front
  crowd [--subscribers N,N…] [--chatters N] [--rate msgs/s] [--duration s]
        [--chatters-in node|browser] [--pin | --server-first]
                                   the crowd rig: the built demo, a host live through the studio,
                                   lk load-test subscribers and chatting participants (--rate 0:
                                   silent, a baseline; --chatters-in: @livekit/rtc-node rooms in
                                   the rig's process, the default, or livekit-client pages in
                                   Chromium); prints a table. --pin: livekit-server
                                   and the app on half the cores, the rig on the other half.
                                   --server-first: they get ten times the rig's CPU weight (a
                                   cgroup; root), as on machines of their own
  first-frame [--runs N]           the demo's viewer page against a bare livekit-client page: time
                                   to the host's first frame, in turns; prints medians and ratio
  dashboard-preview [--minutes N] [--out file.png]
                                   the Grafana dashboard (deploy/grafana) drawn from real data: a
                                   show of N minutes (default 6) on the built demo, the host and
                                   viewers chatting, scraped by Prometheus; the picture goes to
                                   docs/screenshots/dashboard.png unless --out says otherwise
  dashboard-preview --prometheus URL [--minutes N] [--scrape-interval s] [--out file.png]
                                   the same from a running Prometheus's last N minutes (default 15)
  test                             run every check and test, then print "N passed, N failed"`;

const [command, ...rest] = process.argv.slice(2);

try {
  switch (command) {
    case 'ensure':
      await ensure(rest);
      break;
    case 'server':
      await serve();
      break;
    case 'with-livekit':
      process.exitCode = await withLiveKit(rest[0] === '--' ? rest.slice(1) : rest);
      break;
    case 'demo':
      if (rest.includes('--cluster')) await clusterDemo();
      else await demo();
      break;
    case 'crowd':
      await crowd(rest);
      break;
    case 'first-frame':
      await firstFrame(rest);
      break;
    case 'dashboard-preview':
      await dashboardPreview(rest);
      break;
    case 'test':
      process.exitCode = await runTestSuite();
      break;
    default:
      console.error(USAGE);
      process.exitCode = command ? 2 : 0;
  }
} catch (error) {
  logToStderr(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

/** @param {string[]} names */
async function ensure(names) {
  const all = names.length === 0;
  if (all || names.includes('chromium')) logToStderr(`chromium: ${await ensureChromium()}`);
  if (all || names.includes('server')) {
    logToStderr(
      `livekit-server: ${await ensureGoTool(LIVEKIT_SERVER, { envVar: 'LIVEKIT_SERVER_BIN' })}`,
    );
  }
  if (all || names.includes('lk'))
    logToStderr(`lk: ${await ensureGoTool(LK_CLI, { envVar: 'LK_BIN' })}`);
}

/** Resolves on the first SIGINT/SIGTERM/SIGHUP, so callers can clean up before exiting. */
function interrupted() {
  return new Promise((resolve) => {
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
      process.once(signal, () => resolve(signal));
    }
  });
}

/** @param {number} preferred */
async function portOr(preferred) {
  const { createServer } = await import('node:net');
  const free = await new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? preferred : /** @type {number} */ (await freeTcpPort());
}

/** @param {import('./livekit-server.mjs').LiveKitServer} server */
function liveKitEnv(server) {
  return {
    LIVEKIT_URL: server.wsUrl,
    NEXT_PUBLIC_LIVEKIT_URL: server.wsUrl,
    LIVEKIT_API_KEY: server.apiKey,
    LIVEKIT_API_SECRET: server.apiSecret,
    LIVEKIT_PROMETHEUS_URL: server.prometheusUrl,
  };
}

async function serve() {
  const server = await startLiveKitServer({ name: 'dev', port: await portOr(7880) });
  console.log(`livekit-server ${server.version} on ${server.wsUrl}
  API key/secret  ${server.apiKey} / ${server.apiSecret}
  Prometheus      ${server.prometheusUrl}
  log             ${server.logFile}
Press Ctrl+C to stop.`);
  await interrupted();
  await server.stop();
}

/** @param {string[]} argv */
async function withLiveKit(argv) {
  const [program, ...args] = argv;
  if (!program)
    throw new Error('with-livekit needs a command: show-harness with-livekit -- <cmd> [args…]');
  // Where the server should POST its webhooks, comma-separated (the demo's e2e sets it).
  const webhookUrls = (process.env.SHOW_WEBHOOK_URLS ?? '').split(',').filter(Boolean);
  // A strong secret of this run's own (unless one is given), so tests can search for it.
  const apiSecret = process.env.LIVEKIT_API_SECRET || randomBytes(24).toString('base64url');
  // LIVEKIT_AUTO_CREATE=false: only rooms the app's server creates can be joined (the demo's e2e).
  const autoCreateRooms = process.env.LIVEKIT_AUTO_CREATE !== 'false';
  let server = await startLiveKitServer({ name: 'with', webhookUrls, apiSecret, autoCreateRooms });
  logToStderr(`livekit-server on ${server.wsUrl} (log ${server.logFile})`);
  // Tests may crash the server and start it again on the same address (SHOW_LIVEKIT_CONTROL_URL).
  const port = server.ports.http;
  const control = await serveServerControl({
    crash: () => server.crash(),
    start: async () => {
      server = await startLiveKitServer({
        name: 'with',
        webhookUrls,
        apiSecret,
        port,
        autoCreateRooms,
      });
    },
  });
  const child = spawn(program, args, {
    stdio: 'inherit',
    env: { ...process.env, ...liveKitEnv(server), SHOW_LIVEKIT_CONTROL_URL: control.url },
  });
  const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  await control.close();
  await server.stop();
  return code;
}

/** @param {string[]} argv */
async function crowd(argv) {
  /** @param {string} name @param {string} fallback */
  const option = (name, fallback) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 && argv[index + 1] ? /** @type {string} */ (argv[index + 1]) : fallback;
  };
  const sizes = option('subscribers', '50').split(',').map(Number);
  const chatters = Number(option('chatters', '20'));
  const messagesPerSecond = Number(option('rate', '10'));
  const durationSeconds = Number(option('duration', '30'));
  const pin = argv.includes('--pin');
  const serverFirst = argv.includes('--server-first');
  if (pin && serverFirst) throw new Error('crowd: --pin or --server-first, not both.');
  const chatterKind = option('chatters-in', 'node');
  if (chatterKind !== 'node' && chatterKind !== 'browser') {
    throw new Error(`crowd: --chatters-in takes node or browser, not ${chatterKind}.`);
  }
  if ([...sizes, chatters, durationSeconds].some((n) => !(n > 0)) || !(messagesPerSecond >= 0)) {
    throw new Error(
      'crowd: --subscribers, --chatters and --duration take positive numbers, --rate 0 or more (0: the chatters stay silent).',
    );
  }
  await build('@show/demo...', 'the demo and the packages it uses');
  const { crowdRow, runCrowd, table } = await import('./crowd.mjs');
  const rows = [];
  for (const subscribers of sizes) {
    logToStderr(
      `crowd: ${subscribers} subscribers, ${chatters} chatters (${chatterKind}) at ${messagesPerSecond} msgs/s for ${durationSeconds} s`,
    );
    rows.push(
      crowdRow(
        await runCrowd({
          subscribers,
          chatters,
          messagesPerSecond,
          durationSeconds,
          chatterKind,
          pin,
          serverFirst,
        }),
      ),
    );
    console.log(`\n${table(rows)}\n`);
  }
}

/** @param {string[]} argv */
async function firstFrame(argv) {
  const index = argv.indexOf('--runs');
  const runs = Number(index >= 0 ? argv[index + 1] : '10');
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error('first-frame: --runs takes a count.');
  await build('@show/demo...', 'the demo and the packages it uses');
  const { runFirstFrame } = await import('./first-frame.mjs');
  const report = await runFirstFrame({ runs });
  console.log(
    [
      `\nfirst frame, median of ${runs} each (the same run, in turns):`,
      `  demo viewer page                         ${report.demoMedianMs} ms`,
      `  bare livekit-client page, defaults       ${report.bareMedianMs} ms   demo: ${report.ratio}×`,
      `  bare page, adaptive stream and dynacast  ${report.bareAdaptiveMedianMs} ms   demo: ${report.ratioToAdaptive}×`,
      `  the demo page, from the click: token asked at ${report.demoSteps.tokenAskedMs} ms, video element at ${report.demoSteps.videoElementMs} ms, ${report.demoSteps.longTasksMs} ms of long tasks`,
      `  signalling per join and leave (LiveKit's websocket): ${report.signallingBytesPerJoin.sent} B sent, ${report.signallingBytesPerJoin.received} B received\n`,
    ].join('\n'),
  );
}

/** @param {string[]} argv */
async function dashboardPreview(argv) {
  /** @param {string} name @param {string} fallback */
  const option = (name, fallback) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 && argv[index + 1] ? /** @type {string} */ (argv[index + 1]) : fallback;
  };
  const prometheusUrl = option('prometheus', '');
  const minutes = Number(option('minutes', prometheusUrl ? '15' : '6'));
  const scrapeIntervalSeconds = Number(option('scrape-interval', '15'));
  const output = resolve(option('out', join(repoRoot, 'docs/screenshots/dashboard.png')));
  if (!(minutes > 0) || !(scrapeIntervalSeconds > 0)) {
    throw new Error('dashboard-preview: --minutes and --scrape-interval take positive numbers.');
  }
  if (prometheusUrl) {
    const { previewDashboard } = await import('./dashboard-preview.mjs');
    const end = Math.floor(Date.now() / 1000);
    await previewDashboard({
      prometheusUrl: prometheusUrl.replace(/\/+$/, ''),
      output,
      start: end - minutes * 60,
      end,
      scrapeIntervalSeconds,
    });
    return;
  }
  await build('@show/demo...', 'the demo and the packages it uses');
  const { runDashboardShow } = await import('./dashboard-show.mjs');
  await runDashboardShow({ minutes, output });
}

async function demo() {
  await build('@show/demo^...', 'the packages the demo uses');

  const demoPort = await portOr(3000);
  // Loopback only, like the LiveKit server: browsers elsewhere could not reach ws://127.0.0.1.
  const demoUrl = `http://127.0.0.1:${demoPort}`;
  // Keys of this run's own: LiveKit's published dev secret would let anyone mint tokens for it.
  const server = await startLiveKitServer({
    name: 'demo',
    port: await portOr(7880),
    webhookUrls: [`http://127.0.0.1:${demoPort}/api/livekit/webhook`],
    apiKey: process.env.LIVEKIT_API_KEY || `API${randomBytes(6).toString('hex')}`,
    apiSecret: process.env.LIVEKIT_API_SECRET || randomBytes(32).toString('base64url'),
    autoCreateRooms: false,
  });
  // The studio's passcode: one per run unless given, printed below for the host.
  const passcode = process.env.SHOW_HOST_PASSCODE || randomBytes(9).toString('base64url');
  const modPasscode = process.env.SHOW_MODERATOR_PASSCODE || randomBytes(9).toString('base64url');
  // Signs viewers' and staff's cookies; a new one per run signs everyone out (set it to keep them).
  const sessionSecret = process.env.SHOW_SESSION_SECRET || randomBytes(32).toString('base64url');
  // Every show is recorded (MP4 and HLS) unless SHOW_RECORDINGS_DIR is set to something else, or
  // ffmpeg cannot be had.
  const recordingsDir = process.env.SHOW_RECORDINGS_DIR ?? '.data/recordings';
  const recording = await ensureFfmpeg().then(
    () => (recordingsDir ? `apps/demo/${recordingsDir}` : 'off (SHOW_RECORDINGS_DIR is empty)'),
    (error) => `off: ${error.message}`,
  );
  const next = spawnTied(
    'pnpm',
    [
      '--filter',
      '@show/demo',
      'exec',
      'next',
      'dev',
      '--hostname',
      '127.0.0.1',
      '--port',
      String(demoPort),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...liveKitEnv(server),
        SHOW_HOST_PASSCODE: passcode,
        SHOW_MODERATOR_PASSCODE: modPasscode,
        SHOW_SESSION_SECRET: sessionSecret,
        SHOW_RECORDINGS_DIR: recording.startsWith('off') ? '' : recordingsDir,
        // Development on this machine: plain-http cookies, configuration problems on the pages.
        SHOW_LOCAL_DEV: '1',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  console.log(`
  Show demo         ${demoUrl}
  Host studio       ${demoUrl}/studio  (passcode ${passcode})
  Moderation        ${demoUrl}/moderate  (passcode ${modPasscode})
  LiveKit server    ${server.wsUrl}  (key ${server.apiKey}, log ${server.logFile})
  Prometheus        ${server.prometheusUrl}
  Chat and show log ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'apps/demo/.data/show.sqlite (SQLite)'}; limits ${process.env.REDIS_URL ? 'in REDIS_URL' : 'in memory'}
  Recordings        ${recording}

Press Ctrl+C to stop everything.
`);
  await Promise.race([interrupted(), new Promise((resolve) => next.on('exit', resolve))]);
  await stopTied(next);
  await server.stop();
}

async function clusterDemo() {
  await build('@show/demo...', 'the demo and the packages it uses');
  const cluster = await startCluster();
  const { secrets } = cluster;
  console.log(`
  Show demo (cluster) ${cluster.appUrl}
  Host studio         ${cluster.appUrl}/studio  (passcode ${secrets.hostPasscode})
  Moderation          ${cluster.appUrl}/moderate  (passcode ${secrets.moderatorPasscode})
  LiveKit (WSS)       ${cluster.livekitUrl}  (${cluster.nodes.length} nodes: ${cluster.nodes.map((n) => n.httpUrl).join(', ')})
  App instances       ${cluster.apps.map((a) => a.url).join(', ')}
  Metrics             GET /api/metrics with Authorization: Bearer ${secrets.metricsToken}
  Redis, PostgreSQL   ${cluster.redis.url}, ${cluster.postgres.url}

  TLS comes from Caddy's own certificate authority: ${cluster.proxy.caFile}
  Trust it in your browser (import it as an authority), or start Chromium with
    ${cluster.chromiumArgs.join(' ')}

Press Ctrl+C to stop everything.
`);
  await interrupted();
  await cluster.stop();
}

/**
 * Builds a turbo filter (`@show/demo...`: the demo and what it uses), showing only errors.
 * @param {string} filter
 * @param {string} what
 */
async function build(filter, what) {
  logToStderr(`building ${what}…`);
  const child = spawn(
    'pnpm',
    ['turbo', 'run', 'build', `--filter=${filter}`, '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  const built = await new Promise((resolve) => child.on('close', (c) => resolve(c === 0)));
  if (!built) throw new Error(`building ${what} failed (see above).`);
}
