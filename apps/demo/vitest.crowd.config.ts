import { reporting } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

// `pnpm test:crowd`: the crowd test, a CI step of its own (it starts its own servers).
export default defineConfig({
  test: {
    ...reporting('demo-crowd'),
    include: ['crowd/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
