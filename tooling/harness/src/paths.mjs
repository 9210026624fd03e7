import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Git-ignored folder for tools the project builds itself (livekit-server, lk). */
export const toolsDir = process.env.SHOW_TOOLS_DIR ?? join(repoRoot, '.tools');

/** Git-ignored folder for run state: generated configs and logs. */
export const runDir = join(repoRoot, '.run');

/** Where every test runner writes its JSON report, summed at the end of a test run. */
export const reportsDir = process.env.SHOW_REPORTS_DIR ?? join(repoRoot, 'reports');

/** @param {string} dir */
export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}
