import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAptPackages } from './apt.mjs';
import { ensureDir, toolsDir } from './paths.mjs';
import { logToStderr, run } from './run.mjs';
import { withLock } from './lock.mjs';
import { isExecutable, which } from './which.mjs';

/** @typedef {import('./pins.mjs').GoTool} GoTool */

/**
 * Finds a Go tool or builds its pinned release into the project's tool folder.
 * Order: an explicit path from `envVar`, the tool on PATH, the project's built copy, a new build.
 * @param {GoTool} tool
 * @param {{ envVar?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<string>} the executable's path
 */
export async function ensureGoTool(tool, { envVar, log = logToStderr } = {}) {
  const explicit = envVar ? process.env[envVar] : undefined;
  if (explicit) {
    if (!isExecutable(explicit))
      throw new Error(`${envVar}=${explicit} is not an executable file.`);
    return explicit;
  }
  const onPath = which(tool.name);
  if (onPath) return onPath;

  const built = builtPath(tool);
  if (isExecutable(built)) return built;

  const go = which('go', ['/usr/local/go/bin', join(process.env.HOME ?? '/root', 'go', 'bin')]);
  if (!go) {
    throw new Error(
      `${tool.name} is not on PATH and Go is not installed: install Go 1.26 or newer (https://go.dev/dl/) so the project can build ${tool.name} ${tool.version}, or put ${tool.name} on PATH.`,
    );
  }
  ensureDir(toolsDir);
  return withLock(
    join(toolsDir, `${tool.name}.lock`),
    async () => {
      if (isExecutable(built)) return built; // another run built it while we waited
      await ensureAptPackages(tool.aptPackages ?? [], { why: `building ${tool.name}`, log });
      await goBuild(go, tool, built, log);
      return built;
    },
    { onWait: () => log(`waiting for another run that is building ${tool.name}…`) },
  );
}

/** @param {GoTool} tool */
export function builtPath(tool) {
  return join(toolsDir, 'bin', `${tool.name}-${tool.version}`);
}

/**
 * Builds with `go install command@version`, or inside the tool's wrapper module when it has one.
 * @param {string} go
 * @param {GoTool} tool
 * @param {string} target
 * @param {(line: string) => void} log
 */
async function goBuild(go, tool, target, log) {
  const gobin = mkdtempSync(join(ensureDir(join(toolsDir, 'bin')), `.build-${tool.name}-`));
  const started = Date.now();
  log(`building ${tool.name} ${tool.version} with Go (first run only, a few minutes)…`);
  const ticker = setInterval(
    () => log(`  still building ${tool.name}: ${Math.round((Date.now() - started) / 1000)} s`),
    30_000,
  );
  try {
    const tags = tool.buildTags?.length ? ['-tags', tool.buildTags.join(',')] : [];
    const produced = join(gobin, tool.name);
    const args = tool.wrapperDir
      ? ['build', '-trimpath', ...tags, '-o', produced, tool.command]
      : ['install', '-trimpath', ...tags, `${tool.command}@${tool.version}`];
    const cwd = tool.wrapperDir
      ? fileURLToPath(new URL(`../${tool.wrapperDir}`, import.meta.url))
      : gobin;
    // Go needs a module cache; without HOME (some CI shells) keep it in the tool folder.
    const cache = process.env.HOME
      ? {}
      : { GOPATH: join(toolsDir, 'go'), GOCACHE: join(toolsDir, 'go-build') };
    const output = await run(go, args, { env: { ...process.env, ...cache, GOBIN: gobin }, cwd });
    if (output.code !== 0) {
      throw new Error(
        `go ${args.join(' ')} failed (exit ${output.code}):\n${output.text.slice(-4000)}`,
      );
    }
    renameSync(
      tool.wrapperDir ? produced : join(gobin, tool.command.split('/').at(-1) ?? tool.name),
      target,
    );
    log(
      `built ${tool.name} ${tool.version} in ${Math.round((Date.now() - started) / 1000)} s → ${target}`,
    );
  } finally {
    clearInterval(ticker);
    rmSync(gobin, { recursive: true, force: true });
  }
}
