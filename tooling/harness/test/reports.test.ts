import { describe, expect, test } from 'vitest';
import { countReport } from '../src/reports.mjs';

describe('countReport', () => {
  test('reads Vitest JSON, counting a file that failed to load as a failure', () => {
    const vitest = {
      numPassedTests: 5,
      numFailedTests: 1,
      numPendingTests: 2,
      numTodoTests: 1,
      testResults: [
        { status: 'passed', assertionResults: [{}] },
        { status: 'failed', assertionResults: [] },
      ],
    };
    expect(countReport('a.json', vitest)).toEqual({
      file: 'a.json',
      passed: 5,
      failed: 2,
      skipped: 3,
    });
  });

  test('reads Playwright JSON: flaky passes count as passed, top-level errors as failures', () => {
    const playwright = {
      stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 2 },
      errors: [{}],
    };
    expect(countReport('b.json', playwright)).toEqual({
      file: 'b.json',
      passed: 4,
      failed: 2,
      skipped: 2,
    });
  });

  test('refuses anything else rather than count it as zero', () => {
    expect(() => countReport('c.json', { hello: 1 })).toThrow(
      'c.json is neither a Vitest nor a Playwright JSON report.',
    );
  });
});
