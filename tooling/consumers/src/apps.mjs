// Consumer apps: a fixture copied out of the repository (so no workspace is found above it), with
// the READMEs' examples written in, then installed, built and served like a team's own app.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * @param {string} fixture a folder of `fixtures/`
 * @param {string} destination
 * @param {{ examples?: import('./readme-examples.mjs').ReadmeExample[], versions?: Record<string, string>, npmrc?: string }} [options]
 *   `versions`: the @show packages' published versions, written as `^x.y.z` ranges
 * @returns {string} the app's folder
 */
export function copyFixture(fixture, destination, { examples = [], versions = {}, npmrc } = {}) {
  cpSync(join(fixtures, fixture), destination, { recursive: true });
  for (const example of examples) {
    const file = join(destination, example.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, example.code);
  }
  const manifestFile = join(destination, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  for (const [name, version] of Object.entries(versions)) {
    if (manifest.dependencies?.[name]) manifest.dependencies[name] = `^${version}`;
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  if (npmrc) writeFileSync(join(destination, '.npmrc'), npmrc);
  return destination;
}

/**
 * @typedef {object} RunningApp
 * @property {string} url
 * @property {() => string} log what it printed so far
 * @property {() => Promise<void>} stop
 */

/**
 * Starts a server and waits until `url` answers.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, url: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 * @returns {Promise<RunningApp>}
 */
export async function startApp(command, args, { cwd, url, env = process.env, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.kill('SIGTERM');
    }).then(() => undefined);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited at start:\n${log}`);
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { url, log: () => log, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not answer ${url} within ${timeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
