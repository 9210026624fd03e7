// The built demo on `next start`, as the crowd rig and the cluster run it.
import { repoRoot } from './paths.mjs';
import { spawnTied } from './tied-process.mjs';

/**
 * Starts the built demo (run `turbo run build --filter=@show/demo...` first) on 127.0.0.1:`port`,
 * its output in `logFile`. Telemetry is off; the rest of its configuration is `env`.
 * @param {{ port: number, logFile: string, env: NodeJS.ProcessEnv }} options
 */
export function startBuiltDemo({ port, logFile, env }) {
  return spawnTied(
    'pnpm',
    [
      '--filter',
      '@show/demo',
      'exec',
      'next',
      'start',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
    ],
    { cwd: repoRoot, logFile, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } },
  );
}
