// The size budget of a mint-only edge bundle (what a worker that only mints ships): ≤ 5 kB gzip.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const BUDGET_BYTES = 5 * 1024;

test(`a mint-only edge bundle stays within ${BUDGET_BYTES} bytes gzip`, async () => {
  const result = await build({
    stdin: {
      contents: "export { createTokenMinter } from './src/index.ts';",
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['edge-light', 'worker', 'import'],
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(
    `mint-only edge bundle: ${code.length} bytes, ${gzipped} bytes gzip (budget ${BUDGET_BYTES})`,
  );
  // Minting needs no JWT library: jose's verifier must have been shaken out.
  expect(new TextDecoder().decode(code)).not.toMatch(/JWTClaimValidationFailed|jwtVerify/);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
});
