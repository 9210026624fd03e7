// PostgreSQL and Redis from Debian's packages, each started on a free loopback port for one run
// (a throwaway data folder under .run/), tied to this process so neither outlives it.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAptPackages } from './apt.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { freeTcpPort } from './ports.mjs';
import { logToStderr, run } from './run.mjs';
import { spawnTied, stopTied } from './tied-process.mjs';
import { waitFor } from './wait-for.mjs';
import { which } from './which.mjs';

/**
 * @typedef {object} StartedService
 * @property {string} url
 * @property {number} port
 * @property {string} logFile
 * @property {() => Promise<void>} stop
 */

const log = (/** @type {string} */ line) => logToStderr(line);

/** Debian puts PostgreSQL's server programs in /usr/lib/postgresql/<major>/bin. */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors[0]) return join(root, majors[0], 'bin');
  const initdb = which('initdb');
  return initdb ? join(initdb, '..') : undefined;
}

/** Installs what is missing: `postgresql` and `redis-server` (as root, with apt). */
export async function ensureDatabases() {
  await ensureAptPackages(['postgresql', 'redis-server'], {
    why: 'the server storage tests (PostgreSQL and Redis)',
    log,
  });
}

/**
 * A fresh PostgreSQL cluster (trust auth on 127.0.0.1, fsync off: test data only).
 * As root it runs as Debian's `postgres` user, which initdb requires.
 * @param {{ name?: string }} [options]
 * @returns {Promise<StartedService>}
 */
export async function startPostgres(options = {}) {
  await ensureDatabases();
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
  const port = /** @type {number} */ (await freeTcpPort());
  const stem = `postgres-${options.name ?? 'test'}-${process.pid}-${port}`;
  const dataDir = join(ensureDir(runDir), stem);
  const logFile = join(runDir, `${stem}.log`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(logFile, '');
  const asRoot = process.getuid?.() === 0;
  /** @param {string} program @param {string[]} args @returns {[string, string[]]} */
  const asPostgres = (program, args) =>
    asRoot
      ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', program, ...args]]
      : [program, args];
  if (asRoot) {
    const ids = await run('id', ['-u', 'postgres']);
    const gids = await run('id', ['-g', 'postgres']);
    chownSync(dataDir, Number(ids.text.trim()), Number(gids.text.trim()));
    chownSync(logFile, Number(ids.text.trim()), Number(gids.text.trim()));
  }
  const [initCommand, initArgs] = asPostgres(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'show',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const init = await run(initCommand, initArgs);
  if (init.code !== 0) throw new Error(`initdb failed:\n${init.text.slice(-2000)}`);
  const [command, args] = asPostgres(join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dataDir,
    '-F',
  ]);
  const child = spawnTied(command, args, { logFile });
  const ready = async () =>
    (await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)])).code === 0;
  await waitFor('PostgreSQL', ready, child, logFile);
  const created = await run('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'show',
    '-d',
    'postgres',
    '-c',
    'CREATE DATABASE show',
  ]);
  if (created.code !== 0) throw new Error(`CREATE DATABASE failed:\n${created.text}`);
  return {
    url: `postgres://show@127.0.0.1:${port}/show`,
    port,
    logFile,
    async stop() {
      await stopTied(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A Redis on a free port: nothing persisted, or with `persistDir` an append-only file there (what
 * a LiveKit cluster needs: a Redis restarted empty splits live rooms in two).
 * @param {{ name?: string, port?: number, persistDir?: string }} [options]
 * @returns {Promise<StartedService>}
 */
export async function startRedis(options = {}) {
  await ensureDatabases();
  const server = which('redis-server') ?? '/usr/bin/redis-server';
  const port = options.port ?? /** @type {number} */ (await freeTcpPort());
  const logFile = join(
    ensureDir(runDir),
    `redis-${options.name ?? 'test'}-${process.pid}-${port}.log`,
  );
  writeFileSync(logFile, '');
  const persistence = options.persistDir
    ? ['--dir', ensureDir(options.persistDir), '--appendonly', 'yes', '--appendfsync', 'everysec']
    : ['--appendonly', 'no'];
  const child = spawnTied(
    server,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence],
    { logFile },
  );
  const ready = async () =>
    (
      await run('redis-cli', ['-p', String(port), 'ping']).catch(() => ({ text: '' }))
    ).text.includes('PONG');
  await waitFor('Redis', ready, child, logFile);
  return { url: `redis://127.0.0.1:${port}`, port, logFile, stop: () => stopTied(child) };
}
