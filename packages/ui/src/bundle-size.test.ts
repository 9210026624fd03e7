// @vitest-environment node
// Size budgets per entry point, peer dependencies excluded, measured the way an app bundles us.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const PEERS = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'livekit-client',
  '@livekit/components-react',
];
const root = new URL('..', import.meta.url).pathname;

test.each([
  // What `import { StreamMetrics } from '@show/ui'` and the like cost, whole entry included.
  ['@show/ui (index)', 'src/index.ts', 8 * 1024],
])('%s stays within its budget', async (_name, entry, budget) => {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: PEERS,
    write: false,
    logLevel: 'silent',
  });
  const gzipped = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), {
    level: 9,
  }).length;
  console.log(`${entry}: ${gzipped} bytes gzip (budget ${budget})`);
  expect(gzipped).toBeLessThanOrEqual(budget);
});

test('the stylesheet stays within 4 kB gzip', () => {
  const css = readFileSync(`${root}src/styles/index.css`);
  expect(gzipSync(css, { level: 9 }).length).toBeLessThanOrEqual(4 * 1024);
});
