// The publishable packages as npm would publish them: `pnpm pack` turns `workspace:^` into the
// real version range, and only what `files` lists goes in.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@show/harness';
import { run } from './run.mjs';

export const PUBLISHED = ['metrics', 'token', 'server', 'ui', 'analytics'];

/**
 * @typedef {object} Packed
 * @property {string} name e.g. `@show/ui`
 * @property {string} version
 * @property {string} tarball its path
 */

/**
 * Packs every published package (they must be built) into `destination`.
 * @param {string} destination
 * @returns {Promise<Packed[]>}
 */
export async function packPackages(destination) {
  mkdirSync(destination, { recursive: true });
  /** @type {Packed[]} */
  const packed = [];
  for (const folder of PUBLISHED) {
    const cwd = join(repoRoot, 'packages', folder);
    const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    await run('pnpm', ['pack', '--pack-destination', destination], { cwd });
    const file = `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`;
    packed.push({
      name: manifest.name,
      version: manifest.version,
      tarball: join(destination, file),
    });
  }
  return packed;
}
