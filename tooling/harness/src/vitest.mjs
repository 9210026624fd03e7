// Building blocks for the packages' vitest configs: the three test layers and JSON reports.
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { reportFile } from './reports.mjs';

/** @typedef {import('vitest/config').TestProjectInlineConfiguration} Project */

const UNIT_EXCLUDE = [
  '**/*.live.test.*',
  '**/*.browser.test.*',
  '**/node_modules/**',
  '**/dist/**',
];

/**
 * Console output plus a JSON report named after the package and the script that ran it, which
 * the test command sums into its closing line.
 * @param {string} name
 */
export function reporting(name) {
  const script = process.env.npm_lifecycle_event ?? 'vitest';
  /** @type {Pick<import('vitest/node').TestUserConfig, 'reporters' | 'outputFile'>} */
  const config = {
    reporters: ['default', 'json'],
    outputFile: { json: reportFile(`${name}-${script}`) },
  };
  return config;
}

/**
 * Fast tests of pure logic: `*.test.ts(x)` that are neither live nor browser tests.
 * @param {{ environment?: 'node' | 'jsdom', setupFiles?: string[] }} [options]
 * @returns {Project}
 */
export function unitProject({ environment = 'node', setupFiles = [] } = {}) {
  return {
    extends: true,
    test: {
      name: 'unit',
      include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      exclude: UNIT_EXCLUDE,
      environment,
      setupFiles,
    },
  };
}

/**
 * Tests that need the real SFU: `*.live.test.ts`. One livekit-server is started for the run and
 * stopped after it; tests read its address with `inject('livekit')`. With `storage`, also a
 * PostgreSQL and a Redis (`inject('storage')`).
 * @param {{ storage?: boolean }} [options]
 * @returns {Project}
 */
export function liveProject({ storage = false } = {}) {
  return {
    extends: true,
    test: {
      name: 'live',
      include: ['src/**/*.live.test.{ts,tsx}', 'test/**/*.live.test.{ts,tsx}'],
      globalSetup: [
        fileURLToPath(new URL('./live-setup.mjs', import.meta.url)),
        ...(storage ? [fileURLToPath(new URL('./storage-setup.mjs', import.meta.url))] : []),
      ],
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 60_000,
      fileParallelism: false,
    },
  };
}

/**
 * Tests that run inside the system Chromium (vitest browser mode): `*.browser.test.ts(x)`.
 * @param {{ optimizeDeps?: string[], setupFiles?: string[] }} [options]
 * @returns {Promise<Project>}
 */
export async function browserProject({ optimizeDeps = [], setupFiles = [] } = {}) {
  return {
    extends: true,
    // Pre-bundle heavy dependencies up front, or vite re-optimizes mid-run and reloads the page.
    optimizeDeps: { include: optimizeDeps },
    test: {
      name: 'browser',
      include: ['src/**/*.browser.test.{ts,tsx}', 'test/**/*.browser.test.{ts,tsx}'],
      setupFiles,
      browser: await chromiumBrowser(),
    },
  };
}

/**
 * Vitest's browser options for the system Chromium through playwright-core.
 * @returns {Promise<NonNullable<import('vitest/node').TestUserConfig['browser']>>}
 */
export async function chromiumBrowser() {
  const { playwright } = await import('@vitest/browser-playwright');
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: await ensureChromium(), args: CHROMIUM_ARGS },
    }),
    instances: [{ browser: 'chromium' }],
  };
}
