import { setTimeout as sleep } from 'node:timers/promises';
import { stopTied } from './tied-process.mjs';

/**
 * Waits until a service started as `child` answers, or fails saying where its log is.
 * @param {string} what
 * @param {() => Promise<boolean>} ready
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} logFile
 */
export async function waitFor(what, ready, child, logFile, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited at start: see ${logFile}`);
    if (await ready()) return;
    await sleep(100);
  }
  await stopTied(child);
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s: see ${logFile}`);
}
