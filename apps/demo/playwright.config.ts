import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, reportFile } from '@show/harness';

// Run through `pnpm e2e`, which starts a livekit-server and passes its address in the environment.
const port = Number(process.env.DEMO_E2E_PORT ?? 3100);
// One studio and one moderator passcode per run, shared with the server and the tests (workers
// inherit them).
process.env.SHOW_HOST_PASSCODE ??= `e2e-${randomBytes(12).toString('base64url')}`;
process.env.SHOW_MODERATOR_PASSCODE ??= `e2e-mod-${randomBytes(12).toString('base64url')}`;
process.env.SHOW_SESSION_SECRET ??= randomBytes(32).toString('base64url');
process.env.SHOW_METRICS_TOKEN ??= randomBytes(24).toString('base64url');
// A fresh embedded database per run (set DATABASE_URL / REDIS_URL to run on PostgreSQL / Redis).
process.env.DATABASE_URL ??= `sqlite:${join(tmpdir(), `show-e2e-${randomBytes(6).toString('hex')}.sqlite`)}`;
// SHOW_E2E_RECORDING=1: the second run of `pnpm e2e`, an app that records every show (into a
// folder recording.spec.ts reads) on a LiveKit of its own. Apart, because a recorder in the app's
// process costs about 0.6 of a core per show, which the other specs' five pages cannot spare on
// two cores (measured: chat sends in together.spec.ts then took over 5 s).
const recording = process.env.SHOW_E2E_RECORDING === '1';
if (recording) {
  process.env.SHOW_RECORDINGS_DIR ??= join(
    tmpdir(),
    `show-e2e-recordings-${randomBytes(6).toString('hex')}`,
  );
}
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = findChromium();
if (!executablePath)
  throw new Error('Chromium was not found: run `npm test` once, or set CHROMIUM_PATH.');

export default defineConfig({
  testDir: 'e2e',
  ...(recording
    ? { testMatch: 'recording.spec.ts', globalSetup: './e2e/global-setup.ts' }
    : { testIgnore: 'recording.spec.ts' }),
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: reportFile(recording ? 'demo-e2e-recording' : 'demo-e2e') }],
  ],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `pnpm exec next start --port ${port} --hostname 127.0.0.1`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      SHOW_HOST_PASSCODE: process.env.SHOW_HOST_PASSCODE,
      SHOW_MODERATOR_PASSCODE: process.env.SHOW_MODERATOR_PASSCODE,
      SHOW_SESSION_SECRET: process.env.SHOW_SESSION_SECRET,
      SHOW_METRICS_TOKEN: process.env.SHOW_METRICS_TOKEN,
      ...(recording && { SHOW_RECORDINGS_DIR: process.env.SHOW_RECORDINGS_DIR ?? '' }),
      DATABASE_URL: process.env.DATABASE_URL,
      ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    },
  },
});
