import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, reportsDir } from './paths.mjs';

/**
 * Where a runner writes its JSON report. Each runner and layer writes its own file, and the test
 * command sums them all.
 * @param {string} name e.g. "token-unit"
 */
export function reportFile(name) {
  return join(ensureDir(reportsDir), `${name.replace(/[^a-z0-9._-]+/gi, '-')}.json`);
}

export function clearReports() {
  rmSync(reportsDir, { recursive: true, force: true });
  ensureDir(reportsDir);
}

/**
 * @typedef {{ file: string, passed: number, failed: number, skipped: number }} ReportCount
 */

/**
 * Counts tests in every report: Vitest's JSON reporter and Playwright's JSON reporter.
 * @returns {ReportCount[]}
 */
export function readReports() {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => countReport(file, JSON.parse(readFileSync(join(reportsDir, file), 'utf8'))));
}

/**
 * @param {string} file
 * @param {any} json
 * @returns {ReportCount}
 */
export function countReport(file, json) {
  if (json && typeof json.numPassedTests === 'number') {
    // Vitest: a file that failed to load has no test counted, so count it as a failure.
    const failedSuites = (json.testResults ?? []).filter(
      (/** @type {any} */ r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
    ).length;
    return {
      file,
      passed: json.numPassedTests,
      failed: json.numFailedTests + failedSuites,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  }
  if (json && json.stats && typeof json.stats.expected === 'number') {
    // Playwright: a flaky test passed on retry; errors outside tests count as failures.
    return {
      file,
      passed: json.stats.expected + (json.stats.flaky ?? 0),
      failed: json.stats.unexpected + (json.errors?.length ?? 0),
      skipped: json.stats.skipped ?? 0,
    };
  }
  throw new Error(`${file} is neither a Vitest nor a Playwright JSON report.`);
}
