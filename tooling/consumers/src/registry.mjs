// A private npm registry on 127.0.0.1 (Verdaccio), holding only the @show packages: what a
// consumer gets once they are published. Everything else still comes from the usual registry.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freeTcpPort } from '@show/harness';
import { run } from './run.mjs';

/**
 * @typedef {object} LocalRegistry
 * @property {string} url
 * @property {string} npmrc lines for a consumer's `.npmrc`: the show scope from here, with a token
 * @property {(tarball: string) => Promise<void>} publish
 * @property {() => Promise<void>} stop
 */

/**
 * @param {string} folder where it keeps its storage, config and log
 * @returns {Promise<LocalRegistry>}
 */
export async function startRegistry(folder) {
  mkdirSync(folder, { recursive: true });
  const port = await freeTcpPort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(folder, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(folder, 'storage')}`,
      `auth: { htpasswd: { file: ${join(folder, 'htpasswd')}, max_users: 10 } }`,
      'uplinks: {}',
      'packages:',
      "  '@show/*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all }",
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const bin = createRequire(import.meta.url).resolve('verdaccio/bin/verdaccio');
  const child = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));

  const token = await until(
    async () => {
      const response = await fetch(`${url}-/user/org.couchdb.user:ci`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ci', password: `ci-${port}-${Date.now()}` }),
      });
      if (!response.ok) throw new Error(`registry answered ${response.status}`);
      return /** @type {{ token: string }} */ (await response.json()).token;
    },
    () => `the local registry did not start:\n${log}`,
  );

  const host = url.replace(/^http:/, '');
  const npmrc = `@show:registry=${url}\n${host}:_authToken=${token}\n`;
  const userconfig = join(folder, 'publish.npmrc');
  writeFileSync(userconfig, npmrc);
  return {
    url,
    npmrc,
    publish: (tarball) =>
      run('npm', ['publish', tarball, '--registry', url, '--userconfig', userconfig], {
        cwd: folder,
      }).then(() => undefined),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once('exit', () => resolve(undefined));
        child.kill('SIGTERM');
      }).then(() => undefined),
  };
}

/**
 * @template T
 * @param {() => Promise<T>} attempt
 * @param {() => string} explain
 * @returns {Promise<T>}
 */
async function until(attempt, explain, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(explain(), { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
