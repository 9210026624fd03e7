// CPU and memory of the processes a run started (each with its children: the app runs under pnpm,
// each server under the harness's watchdog), read from /proc once a second.
import { readFileSync, readdirSync } from 'node:fs';

/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

/** @param {number} pid @returns {{ ppid: number, ticks: number, rssPages: number } | undefined} */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields count from after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      rssPages: Number(fields[21]),
    };
  } catch {
    return undefined;
  }
}

/** `root` and every process below it. @param {number} root */
export function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = stat(Number(name));
    if (!info) continue;
    const list = children.get(info.ppid) ?? [];
    list.push(Number(name));
    children.set(info.ppid, list);
  }
  const tree = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = /** @type {number} */ (queue.shift());
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * The direct children of `parent` whose command line matches `pattern` (the Chromium Playwright
 * launched from this process, say).
 * @param {number} parent
 * @param {RegExp} pattern
 */
export function childrenMatching(parent, pattern) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && stat(Number(name))?.ppid === parent)
    .map(Number)
    .filter((pid) => {
      try {
        return pattern.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    });
}

/**
 * @typedef {{ cpuPercent: number, peakRssMb: number }} ProcessFigures
 *   cpuPercent of one core over the watch (200 is both cores of this machine)
 */

/**
 * Watches each named process tree until `stop()`, which returns its figures.
 * @param {Record<string, number | { alone: number }>} roots name → pid (with its children), or
 *   `{ alone: pid }` for that process without them (this process, which started the servers)
 * @returns {{ stop(): Record<string, ProcessFigures> }}
 */
export function watchProcesses(roots) {
  const pageSize = 4096;
  const started = Date.now();
  /** @type {Record<string, { first: number, last: number, peakRss: number, seen: Map<number, number> }>} */
  const state = {};
  const sample = () => {
    for (const [name, root] of Object.entries(roots)) {
      const entry = (state[name] ??= { first: 0, last: 0, peakRss: 0, seen: new Map() });
      let rss = 0;
      for (const pid of typeof root === 'number' ? processTree(root) : [root.alone]) {
        const info = stat(pid);
        if (!info) continue;
        // Ticks per pid, so a process that exits keeps what it used.
        if (!entry.seen.has(pid)) entry.first += info.ticks;
        entry.seen.set(pid, info.ticks);
        rss += info.rssPages * pageSize;
      }
      entry.last = [...entry.seen.values()].reduce((a, b) => a + b, 0);
      entry.peakRss = Math.max(entry.peakRss, rss);
    }
  };
  sample();
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      return Object.fromEntries(
        Object.entries(state).map(([name, s]) => [
          name,
          {
            cpuPercent: Math.round(((s.last - s.first) / TICKS_PER_SECOND / seconds) * 1000) / 10,
            peakRssMb: Math.round(s.peakRss / 1048576),
          },
        ]),
      );
    },
  };
}
