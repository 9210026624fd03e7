import { writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAptPackages } from './apt.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { logToStderr, run } from './run.mjs';

/**
 * @typedef {object} NetworkNamespace
 * @property {string} name
 * @property {(command: string, args: string[]) => [string, string[]]} wrap a command run inside it
 * @property {(probability: number) => Promise<void>} dropUdp drops that share of UDP packets (iptables)
 * @property {(url: string) => Promise<string | undefined>} fetchText GET from inside, undefined on failure
 * @property {(executable: string) => string} wrapExecutable a script that runs the executable inside
 * @property {() => Promise<void>} destroy
 */

/** The address of the namespace's own dummy interface. */
export const NAMESPACE_ADDRESS = '198.18.0.1';

/**
 * Why this machine cannot make network namespaces, or undefined when it can: they need root and
 * the `ip` command.
 * @returns {string | undefined}
 */
export function networkNamespaceUnavailable() {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'network namespaces need root (ip netns add)';
  return undefined;
}

/**
 * A network namespace of the test's own making, with its loopback up: processes started inside
 * share that loopback, so an SFU and a browser can meet there while iptables impairs it.
 * @param {string} name
 * @returns {Promise<NetworkNamespace>}
 */
export async function createNetworkNamespace(name) {
  const why = networkNamespaceUnavailable();
  if (why) throw new Error(`Cannot create a network namespace: ${why}.`);
  await ensureAptPackages(['iproute2', 'iptables'], {
    why: 'network impairment tests',
    log: logToStderr,
  });
  await removeStaleNamespaces(name);
  // Chrome gathers no ICE candidates on loopback, so the namespace also gets an interface with an
  // address from the benchmarking range (198.18.0.0/15): a veth pair whose two ends both live in
  // here (this kernel has no dummy devices). No packet to it ever leaves the namespace.
  const inside = (/** @type {string[]} */ args) => ['netns', 'exec', name, 'ip', ...args];
  for (const args of [
    ['netns', 'add', name],
    inside(['link', 'set', 'lo', 'up']),
    inside(['link', 'add', 'show0', 'type', 'veth', 'peer', 'name', 'show1']),
    inside(['addr', 'add', `${NAMESPACE_ADDRESS}/32`, 'dev', 'show0']),
    inside(['link', 'set', 'show0', 'up']),
    inside(['link', 'set', 'show1', 'up']),
    // Until a page may use the camera, Chrome gathers candidates only on the default route's
    // interface. The namespace has no link out, so nothing routed here ever leaves it.
    inside(['route', 'add', 'default', 'dev', 'show0']),
  ]) {
    const result = await run('ip', args);
    if (result.code !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.text.trim()}`);
  }
  /** @type {(command: string, args: string[]) => [string, string[]]} */
  const wrap = (command, args) => ['ip', ['netns', 'exec', name, command, ...args]];
  return {
    name,
    wrap,
    async dropUdp(probability) {
      const rule = [
        'INPUT',
        '-p',
        'udp',
        '-m',
        'statistic',
        '--mode',
        'random',
        '--probability',
        String(probability),
        '-j',
        'DROP',
      ];
      const result = await run(...wrap('iptables', ['-A', ...rule]));
      if (result.code !== 0)
        throw new Error(`iptables refused the loss rule: ${result.text.trim()}`);
    },
    async fetchText(url) {
      const script =
        'fetch(process.argv[1]).then(async (r) => { if (!r.ok) process.exit(1); process.stdout.write(await r.text()); }, () => process.exit(1))';
      const result = await run(...wrap(process.execPath, ['-e', script, url]));
      return result.code === 0 ? result.text : undefined;
    },
    wrapExecutable(executable) {
      const file = join(ensureDir(runDir), `in-${name}-${executable.split('/').at(-1)}.sh`);
      writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${name} ${executable} "$@"\n`);
      chmodSync(file, 0o755);
      return file;
    },
    async destroy() {
      await run('ip', ['netns', 'del', name]);
    },
  };
}

/**
 * Namespaces named `<prefix>-<pid>` whose process is gone were left by interrupted runs: remove
 * them (and one with this very name) before making a new one.
 * @param {string} name
 */
async function removeStaleNamespaces(name) {
  const prefix = name.replace(/-\d+$/, '');
  const listed = await run('ip', ['netns', 'list']);
  for (const line of listed.text.split('\n')) {
    const existing = line.split(' ')[0] ?? '';
    const match = /^(.*)-(\d+)$/.exec(existing);
    if (existing !== name && (!match || match[1] !== prefix || processAlive(Number(match[2]))))
      continue;
    await run('ip', ['netns', 'del', existing]);
  }
}

/** @param {number} pid */
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
