import { spawn } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { ensureDatabases } from './databases.mjs';
import { ensureGoTool } from './go-tool.mjs';
import { repoRoot } from './paths.mjs';
import { LIVEKIT_SERVER, LK_CLI } from './pins.mjs';
import { clearReports, readReports } from './reports.mjs';
import { logToStderr } from './run.mjs';

/**
 * Every check and test layer, in the order that fails fastest on a broken tree. Browser-heavy
 * layers run one package at a time: two cores do not take several Chromiums and SFUs at once.
 */
const STEPS = [
  { name: 'build', args: ['turbo', 'run', 'build'] },
  { name: 'lint and typecheck', args: ['turbo', 'run', 'lint', 'typecheck'] },
  { name: 'format', args: ['exec', 'prettier', '--check', '.'] },
  { name: 'package checks (publint, attw)', args: ['turbo', 'run', 'check:package'] },
  { name: 'unit and browser tests', args: ['turbo', 'run', 'test', '--concurrency=1'] },
  { name: 'live tests (livekit-server)', args: ['turbo', 'run', 'test:live', '--concurrency=1'] },
  {
    name: 'Storybook interaction tests',
    args: ['turbo', 'run', 'test:storybook', '--concurrency=1'],
  },
  {
    name: 'consumer test (packed packages in fresh Next.js, Vite and Node apps)',
    args: ['turbo', 'run', 'test:consumers', '--concurrency=1'],
  },
  {
    name: 'end-to-end tests (Playwright, next start)',
    args: ['turbo', 'run', 'e2e', '--concurrency=1'],
  },
  {
    name: 'cluster test (3 LiveKit nodes on Redis, 2 app instances, Caddy with TLS)',
    args: ['turbo', 'run', 'test:cluster', '--concurrency=1'],
  },
  {
    name: 'crowd test (the built demo, lk load-test subscribers, chatting browsers)',
    args: ['turbo', 'run', 'test:crowd', '--concurrency=1'],
  },
];

/** @returns {Promise<number>} the exit code */
export async function runTestSuite() {
  const started = Date.now();
  clearReports();
  logToStderr('provisioning: chromium, livekit-server, lk, PostgreSQL, Redis');
  await ensureChromium();
  await ensureDatabases();
  await ensureGoTool(LIVEKIT_SERVER, { envVar: 'LIVEKIT_SERVER_BIN' });
  await ensureGoTool(LK_CLI, { envVar: 'LK_BIN' });

  /** @type {{ name: string, ok: boolean, seconds: number }[]} */
  const results = [];
  for (const step of STEPS) {
    const stepStarted = Date.now();
    logToStderr(`── ${step.name}`);
    const ok = await pnpm(step.args);
    results.push({ name: step.name, ok, seconds: Math.round((Date.now() - stepStarted) / 1000) });
  }

  const reports = readReports();
  console.log('\nTest reports:');
  for (const r of reports) {
    console.log(
      `  ${r.file.padEnd(36)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`,
    );
  }
  console.log('\nSteps:');
  for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);

  const passed = reports.reduce((sum, r) => sum + r.passed, 0);
  const failedTests = reports.reduce((sum, r) => sum + r.failed, 0);
  // A step that failed without a failing test (lint, a crash before any report) still counts once,
  // so the closing line never says "0 failed" for a run that failed.
  const failedSteps = results.filter((r) => !r.ok).length;
  const failed = failedTests > 0 ? Math.max(failedTests, failedSteps) : failedSteps;
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\nWhole run: ${minutes} min.`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && results.every((r) => r.ok) ? 0 : 1;
}

/** @param {string[]} args */
function pnpm(args) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: '1',
        NEXT_TELEMETRY_DISABLED: '1',
        STORYBOOK_DISABLE_TELEMETRY: '1',
      },
    });
    child.on('close', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}
