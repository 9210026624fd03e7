// Gives the server side first claim on the CPU during a crowd run: livekit-server and the app go
// into a cgroup whose CPU weight is ten times the default, so on a shared machine they get the CPU
// they ask for before the rig (browsers, the load generator) does, as on machines of their own,
// and the rig still uses all they leave. Unlike `--pin`, neither side is held to half the cores.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processTree } from './process-watch.mjs';

const V1_CPU = '/sys/fs/cgroup/cpu';
const V2_ROOT = '/sys/fs/cgroup';

/**
 * Where a CPU-weighted group can be made here, or why not.
 * @returns {{ kind: 'v1' | 'v2', parent: string } | { error: string }}
 */
function hierarchy() {
  if (existsSync(join(V1_CPU, 'cpu.shares'))) return { kind: 'v1', parent: V1_CPU };
  const controllers = join(V2_ROOT, 'cgroup.controllers');
  if (existsSync(controllers) && /\bcpu\b/.test(readFileSync(controllers, 'utf8'))) {
    return { kind: 'v2', parent: V2_ROOT };
  }
  return { error: 'this machine has no cgroup cpu controller (cgroup v1 cpu, or v2 with cpu)' };
}

/**
 * Moves each process tree under `roots` (every thread; children started later follow) into a new
 * cgroup weighted `weight` times the default. `release()` moves what is left back and removes it.
 * Throws, saying why, where cgroups cannot be written (not root, a container without them).
 * @param {number[]} roots
 * @param {{ weight?: number, name?: string }} [options]
 */
export function serverFirst(roots, { weight = 10, name = `show-crowd-${process.pid}` } = {}) {
  const found = hierarchy();
  if ('error' in found) throw new Error(`crowd --server-first: ${found.error}; use --pin instead.`);
  const group = join(found.parent, name);
  try {
    mkdirSync(group, { recursive: true });
    if (found.kind === 'v1') {
      writeFileSync(join(group, 'cpu.shares'), String(1024 * weight));
    } else {
      writeFileSync(join(found.parent, 'cgroup.subtree_control'), '+cpu');
      writeFileSync(join(group, 'cpu.weight'), String(Math.min(10_000, 100 * weight)));
    }
  } catch (error) {
    throw new Error(
      `crowd --server-first: cannot make the cgroup ${group} (${/** @type {Error} */ (error).message}); use --pin instead.`,
      { cause: error },
    );
  }
  /** @param {string} target @param {number} pid */
  const move = (target, pid) => {
    try {
      writeFileSync(join(target, 'cgroup.procs'), String(pid));
    } catch {
      // A process that exited meanwhile.
    }
  };
  for (const root of roots) for (const pid of processTree(root)) move(group, pid);
  return {
    group,
    /** The processes in the group now. */
    members: () =>
      readFileSync(join(group, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number),
    release() {
      if (!existsSync(group)) return;
      for (const pid of readFileSync(join(group, 'cgroup.procs'), 'utf8').split('\n')) {
        if (pid) move(found.parent, Number(pid));
      }
      try {
        rmdirSync(group);
      } catch {
        // A process still in it: the group stays behind (harmless; `rmdir` removes it by hand).
      }
    },
  };
}
