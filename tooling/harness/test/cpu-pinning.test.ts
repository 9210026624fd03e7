import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { coreSplit, pinTree, watchCores } from '../src/cpu-pinning.mjs';

/** The cores a process may run on, as the kernel says (`0`, `0-1`). */
const allowed = (pid: number) =>
  /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];

test.runIf(availableParallelism() >= 2)(
  'pins a process and the children it already has to the cores named',
  async () => {
    // A shell with a child of its own: both are pinned, the child by walking the tree.
    const shell = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const pid = shell.pid as number;
      const child = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      expect(child).toMatch(/^\d+$/);
      const { server, rig } = coreSplit();
      expect(allowed(pid)).not.toBe(rig);
      pinTree(pid, rig);
      expect(allowed(pid)).toBe(rig);
      expect(allowed(Number(child))).toBe(rig);
      expect(server).not.toBe(rig);
    } finally {
      shell.kill();
    }
  },
);

test('reads each core busy share as a percentage', async () => {
  const watch = watchCores();
  // Busy for a while on one core, so the reading is not all idle.
  const until = Date.now() + 300;
  while (Date.now() < until);
  const busy = watch.stop();
  expect(Object.keys(busy)).toHaveLength(availableParallelism());
  for (const share of Object.values(busy)) {
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(100);
  }
  expect(Math.max(...Object.values(busy))).toBeGreaterThan(30);
});
