import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

// A small shell watchdog stands between us and the child: when our process dies in any way
// (SIGKILL included, where no exit handler runs) the watchdog notices within a second and stops
// the child, so no server is ever left behind.
const WATCHDOG = `
"$@" & child=$!
stop() {
  # livekit-server drains rooms on SIGTERM and may wait long: after 5 s, kill it.
  kill -TERM $child 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 $child 2>/dev/null || exit 0; sleep 0.5; done
  kill -KILL $child 2>/dev/null
  exit 0
}
trap stop TERM INT HUP
while kill -0 $child 2>/dev/null; do
  # /proc, not kill -0: a child running as another user (PostgreSQL) may not signal us.
  [ -e /proc/$SHOW_PARENT_PID ] || stop
  sleep 1 & wait $!
done
wait $child
`;

/** @type {Set<import('node:child_process').ChildProcess>} */
const live = new Set();
let exitHookInstalled = false;

/**
 * Spawns `command` tied to this process's life, its output appended to `logFile` (or shown on
 * this terminal when there is none).
 * @param {string} command
 * @param {string[]} args
 * @param {{ logFile?: string, env?: NodeJS.ProcessEnv, cwd?: string }} options
 */
export function spawnTied(command, args, { logFile, env = process.env, cwd }) {
  const log = logFile ? openSync(logFile, 'a') : 'inherit';
  const child = spawn('bash', ['-c', WATCHDOG, 'show-watchdog', command, ...args], {
    cwd,
    env: { ...env, SHOW_PARENT_PID: String(process.pid) },
    stdio: ['ignore', log, log],
    // Its own process group, so a stop reaches the watchdog and the child together.
    detached: true,
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  installExitHook();
  return child;
}

/**
 * Asks a tied child to stop, and kills it if it has not exited after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
export function stopTied(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });
}

/**
 * Kills the child's process group with SIGKILL, as a crash would, and resolves once it is gone.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
export function killTied(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    signalGroup(child, 'SIGKILL');
  });
}

/**
 * Sends `signal` to the tied command itself, not to its watchdog (whose SIGTERM ends in a SIGKILL
 * after 5 s), and resolves with how it exited: for a graceful drain that may take minutes.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
export function signalTiedCommand(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  const exited = new Promise((resolve) => {
    child.once('exit', (code, how) => resolve({ code, signal: how }));
  });
  // The watchdog's own children: the command, and at most a `sleep 1`.
  const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  for (const pid of children) {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sleep') continue;
    process.kill(pid, signal);
  }
  return /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */ (exited);
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous last chance on a normal exit; the watchdog covers everything else.
  process.on('exit', () => {
    for (const child of live) signalGroup(child, 'SIGTERM');
  });
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
