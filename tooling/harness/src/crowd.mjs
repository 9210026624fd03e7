// The crowd rig: the built demo with a real host going live through the studio page, `lk
// load-test` subscribers as the silent majority, and a chatting minority of real LiveKit
// participants (data only: no video to decode; @livekit/rtc-node in this process, or
// livekit-client in headless Chromium) that join through the demo's own token endpoint, chat
// through its server and record what they receive.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreSplit, pinTree, watchCores } from './cpu-pinning.mjs';
import { serverFirst } from './cpu-priority.mjs';
import { joinChatters } from './crowd-chatters.mjs';
import { chatFigures, table } from './crowd-report.mjs';
import { SHOW_ROOM, startDemoShow } from './demo-show.mjs';
import { ensureGoTool } from './go-tool.mjs';
import { ensureDir, reportsDir } from './paths.mjs';
import { LK_CLI } from './pins.mjs';
import { childrenMatching, watchProcesses } from './process-watch.mjs';
import { scrape, sumMetric } from './prometheus.mjs';
import { logToStderr } from './run.mjs';

const ROOM = SHOW_ROOM;
/** The server accepts 5 messages per person per 10 s: a chatter never posts faster than this. */
const MIN_POST_INTERVAL_MS = 2100;

/**
 * @typedef {object} CrowdOptions
 * @property {number} subscribers `lk load-test` subscribers (audio and video)
 * @property {number} chatters participants that chat, each its own person to the app
 * @property {import('./crowd-chatters.mjs').ChatterKind} [chatterKind] 'node' (default): rooms
 *   of LiveKit's Node SDK in this process; 'browser': livekit-client pages in Chromium
 * @property {number} messagesPerSecond all chatters together (each stays under the server's limit)
 * @property {number} durationSeconds how long the chat runs once everyone has joined
 * @property {number} [joinsPerSecond] how fast subscribers join (default 20)
 * @property {boolean} [pin] the server side (livekit-server, the app) on half the cores, the rig
 *   (Chromium, lk load-test, this process) on the other half: which side saturates shows alone
 * @property {boolean} [serverFirst] livekit-server and the app get ten times the rig's CPU weight
 *   (a cgroup): they run as on machines of their own while the rig takes what they leave
 * @property {(line: string) => void} [log]
 */

/**
 * `lk load-test`'s subscriber table: each tester's `tracks/expected`, and the totals row.
 * @param {string} output
 */
export function parseLoadTest(output) {
  const rows = output
    .split('\n')
    .filter((line) => /[│|]/.test(line))
    .map((line) =>
      line
        .split(/[│|]/)
        .map((cell) => cell.trim())
        .filter(Boolean),
    )
    .filter((cells) => cells.length >= 4 && /^\d+\/\d+$/.test(cells[1] ?? ''));
  const testers = rows.filter((cells) => cells[0] !== 'Total');
  const total = rows.find((cells) => cells[0] === 'Total');
  // `got/expected`; lk expects nothing of a publisher it did not start, so "all" is audio and video.
  const receiving = testers.filter((cells) => {
    const [got = 0, expected = 0] = (cells[1] ?? '0/0').split('/').map(Number);
    return got >= Math.max(2, expected);
  }).length;
  return {
    testers: testers.length,
    receivingAll: receiving,
    totalBitrate: total?.[2] ?? '',
    packetLoss: total?.[3] ?? '',
    errors: Number(total?.[4] ?? 0),
  };
}

/**
 * Reads `figures` until `done` says so, or 15 s have passed; returns the last reading.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} done
 */
async function settled(read, done) {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

/**
 * Runs one crowd and returns its figures (also written to reports/bench/crowd-<subscribers>.json).
 * The demo must be built (`turbo run build --filter=@show/demo`).
 * @param {CrowdOptions} options
 */
export async function runCrowd(options) {
  const log = options.log ?? logToStderr;
  const { subscribers, chatters, durationSeconds } = options;
  if (options.pin && options.serverFirst)
    throw new Error('crowd: --pin or --server-first, not both.');
  const joinsPerSecond = options.joinsPerSecond ?? 20;
  const chatterKind = options.chatterKind ?? 'node';
  const postEveryMs = Math.max(
    MIN_POST_INTERVAL_MS,
    Math.round((chatters / Math.max(0.1, options.messagesPerSecond)) * 1000),
  );
  // A rate of 0: the chatters join and stay silent (a baseline for what chat itself costs).
  const postsEach =
    options.messagesPerSecond > 0 ? Math.floor((durationSeconds * 1000) / postEveryMs) : 0;

  /** @type {import('node:child_process').ChildProcess | undefined} */
  let loadTest;
  // The host's studio is watched for long tasks and frame rate.
  const { livekit, demo, demoUrl, browser, host, demoMetrics, close } = await startDemoShow({
    name: 'crowd',
    maxParticipants: subscribers + chatters + 20,
    log,
    beforeStudio: (page) =>
      page.addInitScript(() => {
        const perf = { longTasks: /** @type {number[]} */ ([]), frames: 0, since: 0 };
        Object.assign(window, { crowdPerf: perf });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) perf.longTasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
        const tick = () => {
          perf.frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  });
  const split = options.pin ? coreSplit() : undefined;
  /** @type {ReturnType<typeof serverFirst> | undefined} */
  let priority;
  try {
    if (options.serverFirst) {
      priority = serverFirst([
        /** @type {number} */ (livekit.pid),
        /** @type {number} */ (demo.pid),
      ]);
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (priority) log(`crowd: livekit-server and the app first on the CPU (${priority.group})`);
  if (split) {
    // This process first (its children are the servers, pinned next), then each side.
    pinTree(process.pid, split.rig);
    pinTree(/** @type {number} */ (livekit.pid), split.server);
    pinTree(/** @type {number} */ (demo.pid), split.server);
    log(`crowd: livekit-server and the app on cpu ${split.server}, the rig on cpu ${split.rig}`);
  }
  try {
    // The chatting minority, each its own person to the app.
    const people = await joinChatters(chatters, {
      kind: chatterKind,
      demoUrl,
      wsUrl: livekit.wsUrl,
      room: ROOM,
      browser,
    });
    // The silent majority: lk's subscribers, from now until the figures are in (stopped with
    // SIGINT, on which lk prints its table: under load, settling can take a minute).
    const joinSeconds = Math.ceil(subscribers / joinsPerSecond) + 3;
    const lk = await ensureGoTool(LK_CLI, { envVar: 'LK_BIN' });
    let lkOutput = '';
    const lkArgs = [
      'load-test',
      '--url',
      livekit.wsUrl,
      '--api-key',
      livekit.apiKey,
      '--api-secret',
      livekit.apiSecret,
      '--room',
      ROOM,
      '--subscribers',
      String(subscribers),
      '--num-per-second',
      String(joinsPerSecond),
    ];
    loadTest = split
      ? spawn('taskset', ['--cpu-list', split.rig, lk, ...lkArgs], {
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(lk, lkArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    loadTest.stdout?.on('data', (chunk) => (lkOutput += chunk));
    loadTest.stderr?.on('data', (chunk) => (lkOutput += chunk));
    const loadTestDone = new Promise((resolve) => loadTest?.on('close', resolve));
    log(
      `crowd: ${chatters} chatters (${chatterKind}) joined; waiting ${joinSeconds} s for ${subscribers} subscribers`,
    );
    await new Promise((resolve) => setTimeout(resolve, joinSeconds * 1000));

    // The measured part: chat (and a reaction now and then) while everyone watches.
    // The load generator, the browser and this process (Node chatters) share the two cores:
    // watched too, to tell who saturates.
    const watch = watchProcesses({
      'livekit-server': /** @type {number} */ (livekit.pid),
      demo: /** @type {number} */ (demo.pid),
      'lk load-test': /** @type {number} */ (loadTest.pid),
      rig: { alone: process.pid },
      ...Object.fromEntries(
        childrenMatching(process.pid, /chrom/i).map((pid, i) => [
          i ? `chromium ${i}` : 'chromium',
          pid,
        ]),
      ),
    });
    const cores = watchCores();
    await host.evaluate(() => {
      const perf = /** @type {any} */ (window).crowdPerf;
      perf.longTasks.length = 0;
      perf.frames = 0;
      perf.since = performance.now();
    });
    await Promise.all(
      people.map((chatter, i) => chatter.startChatting(ROOM, `c${i + 1}`, postEveryMs, postsEach)),
    );
    const started = Date.now();
    const progress = setInterval(() => {
      // The time of the reading, not of the printing (pages answer slowly under load).
      const elapsed = Math.round((Date.now() - started) / 1000);
      void (async () => {
        const counts = await Promise.all(
          people.map(async (chatter) => (await chatter.results()).delivered.length),
        ).catch(() => []);
        const state = await fetch(`${demoUrl}/api/shows/${ROOM}`)
          .then((r) => r.json())
          .catch(() => ({}));
        log(
          `crowd: ${elapsed}/${durationSeconds} s · viewers (server) ${state.viewers ?? '?'} · chat delivered to the slowest chatter ${Math.min(...counts)}`,
        );
      })();
    }, 5000);
    await new Promise((resolve) => setTimeout(resolve, durationSeconds * 1000));
    // The chat phase ends: the machine's figures, and the viewer count against LiveKit's own
    // (every participant but the host) while everyone is still there.
    const processes = watch.stop();
    const coreBusy = cores.stop();
    const [atEnd, livekitParticipants] = await Promise.all([
      fetch(`${demoUrl}/api/shows/${ROOM}`).then((r) => r.json()),
      scrape(livekit.prometheusUrl).then((text) => sumMetric(text, 'livekit_participant_total')),
    ]);
    // What was said is given time to arrive: under load a message can take seconds, and one still
    // on its way is late, not lost. Done once nothing more has arrived (or been answered) for 3 s.
    const settling = Date.now();
    for (let last = -1, quietSince = Date.now(); Date.now() - settling < 60_000;) {
      const counts = await Promise.all(
        people.map(async (chatter) => {
          const { sent, delivered } = await chatter.results();
          return sent.length + delivered.length;
        }),
      );
      const total = counts.reduce((a, b) => a + b, 0);
      if (total !== last) [last, quietSince] = [total, Date.now()];
      else if (Date.now() - quietSince >= 3000) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    clearInterval(progress);
    log(`crowd: deliveries settled ${Math.round((Date.now() - settling) / 1000)} s after the chat`);

    const records = await Promise.all(
      people.map(async (chatter, i) => ({ label: `c${i + 1}`, ...(await chatter.results()) })),
    );
    const studio = await host.evaluate(() => {
      const perf = /** @type {any} */ (window).crowdPerf;
      const seconds = (performance.now() - perf.since) / 1000;
      return {
        framesPerSecond: Math.round((perf.frames / seconds) * 10) / 10,
        longTasks: perf.longTasks.length,
        longestTaskMs: Math.round(Math.max(0, ...perf.longTasks)),
      };
    });
    await Promise.all(people.map((chatter) => chatter.leave()));
    loadTest.kill('SIGINT');
    await loadTestDone;
    // Once everyone has left: the server counts nobody, LiveKit holds the host alone.
    const after = await settled(
      async () => ({
        viewers: (await (await fetch(`${demoUrl}/api/shows/${ROOM}`)).json()).viewers,
        participants: sumMetric(await scrape(livekit.prometheusUrl), 'livekit_participant_total'),
      }),
      (figures) => figures.viewers === 0 && figures.participants <= 1,
    );
    const load = parseLoadTest(lkOutput);
    const chat = chatFigures(records);
    // The app's own account of its sends into the room (all of them: chat, counts, reactions).
    const appMetrics = await demoMetrics();
    const packets = sumMetric(appMetrics, 'show_delivery_send_seconds_count');
    const delivery = {
      packets,
      failed: sumMetric(appMetrics, 'show_delivery_packets_total', { outcome: 'failed' }),
      waitMeanMs: mean(sumMetric(appMetrics, 'show_delivery_wait_seconds_sum'), packets),
      sendMeanMs: mean(sumMetric(appMetrics, 'show_delivery_send_seconds_sum'), packets),
    };
    const report = {
      subscribers,
      chatters,
      chatterKind,
      durationSeconds,
      postEveryMs,
      load,
      // At the end of the chat: the app's count, LiveKit's, and who lk says connected.
      viewers: {
        server: atEnd.viewers,
        livekit: livekitParticipants - 1,
        truth: load.testers - load.errors + chatters,
      },
      after,
      chat,
      delivery,
      studio,
      processes,
      cores: {
        busyPercent: coreBusy,
        mode: split ? 'pinned' : priority ? 'server first' : 'shared',
        ...(split && { server: split.server, rig: split.rig }),
      },
    };
    const file = join(ensureDir(join(reportsDir, 'bench')), `crowd-${subscribers}.json`);
    writeFileSync(file, `${JSON.stringify({ ...report, lkOutput }, null, 2)}\n`);
    log(`crowd: report in ${file}`);
    return report;
  } finally {
    loadTest?.kill('SIGINT');
    await close();
    priority?.release();
  }
}

/**
 * Seconds summed over `count` → mean milliseconds, one decimal.
 * @param {number} sumSeconds
 * @param {number} count
 */
function mean(sumSeconds, count) {
  return count > 0 ? Math.round((sumSeconds / count) * 10_000) / 10 : 0;
}

/** One table row per run, for the benchmark's output. @param {Awaited<ReturnType<typeof runCrowd>>} r */
export function crowdRow(r) {
  return {
    subscribers: r.subscribers,
    'receiving a/v': `${r.load.receivingAll}/${r.subscribers}`,
    'sub loss': r.load.packetLoss,
    'viewers app/LiveKit/lk': `${r.viewers.server}/${r.viewers.livekit}/${r.viewers.truth}`,
    'chat ok/sent': `${r.chat.accepted}/${r.chat.sent}`,
    lost: r.chat.lost,
    dup: r.chat.duplicated,
    'p50 ms': r.chat.latencyMs.p50,
    'p95 ms': r.chat.latencyMs.p95,
    'max ms': r.chat.latencyMs.max,
    'accept p50': r.chat.acceptMs.p50,
    'handler p50/p95': `${r.chat.serverMs.p50}/${r.chat.serverMs.p95}`,
    'store p50': r.chat.storeMs.p50,
    'deliver p50/p95': `${r.chat.deliverMs.p50}/${r.chat.deliverMs.p95}`,
    'app wait/send': `${r.delivery.waitMeanMs}/${r.delivery.sendMeanMs}`,
    'studio fps': r.studio.framesPerSecond,
    'long tasks': r.studio.longTasks,
    'SFU cpu %': r.processes['livekit-server']?.cpuPercent ?? '',
    'SFU MB': r.processes['livekit-server']?.peakRssMb ?? '',
    'app cpu %': r.processes.demo?.cpuPercent ?? '',
    'app MB': r.processes.demo?.peakRssMb ?? '',
    'lk cpu %': r.processes['lk load-test']?.cpuPercent ?? '',
    'chromium cpu %': r.processes.chromium?.cpuPercent ?? '',
    'rig cpu %': r.processes.rig?.cpuPercent ?? '',
    chatters: `${r.chatters} ${r.chatterKind}`,
    'cores busy %': Object.values(r.cores.busyPercent).join('/'),
    cpu:
      'server' in r.cores ? `pinned: server ${r.cores.server}, rig ${r.cores.rig}` : r.cores.mode,
    'left: viewers/participants': `${r.after.viewers}/${r.after.participants}`,
  };
}

export { table };
