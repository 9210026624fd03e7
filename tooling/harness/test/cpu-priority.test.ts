import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { serverFirst } from '../src/cpu-priority.mjs';

/** The cgroup a process is in, for the cpu controller (v1) or the unified hierarchy (v2). */
const cgroupOf = (pid: number) => {
  const lines = readFileSync(`/proc/${pid}/cgroup`, 'utf8').split('\n');
  const line =
    lines.find((l) => /^\d+:([^:]*,)?cpu(,[^:]*)?:/.test(l)) ??
    lines.find((l) => l.startsWith('0::'));
  return line?.slice(line.lastIndexOf(':') + 1);
};

test('moves a process tree, children included, into a group weighted above the rest, and back', async () => {
  const shell = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const pid = shell.pid as number;
    const child = Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim());
    let priority: ReturnType<typeof serverFirst>;
    try {
      priority = serverFirst([pid], { name: `show-crowd-test-${process.pid}` });
    } catch (error) {
      // Where cgroups cannot be written, it says so and names the way out.
      expect((error as Error).message).toMatch(/crowd --server-first: .*use --pin instead\./);
      return;
    }
    const name = priority.group.slice(priority.group.lastIndexOf('/'));
    expect(cgroupOf(pid)).toBe(name);
    expect(cgroupOf(child)).toBe(name);
    expect(priority.members().sort()).toEqual([pid, child].sort());
    const weight = existsSync(`${priority.group}/cpu.shares`)
      ? Number(readFileSync(`${priority.group}/cpu.shares`, 'utf8')) / 1024
      : Number(readFileSync(`${priority.group}/cpu.weight`, 'utf8')) / 100;
    expect(weight).toBe(10);
    priority.release();
    expect(cgroupOf(pid)).not.toBe(name);
    expect(existsSync(priority.group)).toBe(false);
  } finally {
    shell.kill();
  }
});
