import { reporting } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

// `pnpm test:consumers`: a CI step of its own (it installs apps from a local registry, builds them
// and starts LiveKit, Next.js and Chromium). One file, in order.
export default defineConfig({
  test: {
    ...reporting('consumers'),
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
