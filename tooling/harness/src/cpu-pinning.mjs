// Splitting the machine's cores between the server side and the rig that loads it, so a crowd run
// can tell which side saturates: `taskset` on every thread of a process tree (children started
// later inherit it), and each core's busy share read from /proc/stat.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { processTree } from './process-watch.mjs';

/**
 * Pins `root` and every process below it, all their threads, to `cpus` (taskset's list: "0", "1-3").
 * @param {number} root
 * @param {string} cpus
 */
export function pinTree(root, cpus) {
  for (const pid of processTree(root)) {
    try {
      execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], {
        stdio: 'ignore',
      });
    } catch {
      // A process that exited meanwhile.
    }
  }
}

/**
 * The split: the server side (livekit-server and the app, as a deployment runs them) on the first
 * half of the cores, the rig (browsers, the load generator) on the rest. Needs two cores or more.
 */
export function coreSplit() {
  const count = availableParallelism();
  if (count < 2) throw new Error('crowd --pin needs at least two cores.');
  const half = Math.floor(count / 2);
  const list = (/** @type {number} */ from, /** @type {number} */ to) =>
    from === to ? String(from) : `${from}-${to}`;
  return { server: list(0, half - 1), rig: list(half, count - 1) };
}

/** Busy and total ticks of each core, from /proc/stat's `cpuN` lines. */
function coreTicks() {
  /** @type {Map<string, { busy: number, total: number }>} */
  const cores = new Map();
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      (match[2] ?? '').split(/\s+/).map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    cores.set(/** @type {string} */ (match[1]), { busy, total: busy + idle + iowait });
  }
  return cores;
}

/**
 * Watches each core's busy share until `stop()`: `{ cpu0: 97.1, cpu1: 88.0 }` (% of that core).
 * @returns {{ stop(): Record<string, number> }}
 */
export function watchCores() {
  const first = coreTicks();
  return {
    stop() {
      const last = coreTicks();
      return Object.fromEntries(
        [...last].map(([name, now]) => {
          const then = first.get(name) ?? { busy: 0, total: 0 };
          const total = now.total - then.total;
          return [name, total > 0 ? Math.round(((now.busy - then.busy) / total) * 1000) / 10 : 0];
        }),
      );
    },
  };
}
