// S3-compatible storage for one run: gofakes3 (built once with Go, pinned in pins.mjs) on a free
// loopback port, its buckets in memory, tied to this process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureGoTool } from './go-tool.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { GOFAKES3 } from './pins.mjs';
import { freeTcpPort } from './ports.mjs';
import { spawnTied, stopTied } from './tied-process.mjs';
import { waitFor } from './wait-for.mjs';

/**
 * @typedef {object} StartedS3
 * @property {string} endpoint `http://127.0.0.1:<port>`
 * @property {string} bucket created at start
 * @property {string} accessKey any key is accepted
 * @property {string} secret
 * @property {string} logFile
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ bucket?: string, name?: string }} [options]
 * @returns {Promise<StartedS3>}
 */
export async function startS3(options = {}) {
  const binary = await ensureGoTool(GOFAKES3, { envVar: 'GOFAKES3_BIN' });
  const bucket = options.bucket ?? 'recordings';
  const port = /** @type {number} */ (await freeTcpPort());
  const logFile = join(
    ensureDir(runDir),
    `s3-${options.name ?? 'test'}-${process.pid}-${port}.log`,
  );
  writeFileSync(logFile, '');
  const child = spawnTied(
    binary,
    ['-host', `127.0.0.1:${port}`, '-backend', 'memory', '-initialbucket', bucket, '-quiet'],
    { logFile },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const ready = async () => {
    try {
      const response = await fetch(`${endpoint}/${bucket}?list-type=2`);
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  };
  await waitFor('S3 (gofakes3)', ready, child, logFile);
  return {
    endpoint,
    bucket,
    accessKey: 'show-test',
    secret: 'show-test-secret',
    logFile,
    stop: () => stopTied(child),
  };
}
