import { reporting } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

// `pnpm test:cluster`: the production topology (a CI step of its own: it starts Redis,
// PostgreSQL, three LiveKit nodes, two app instances and Caddy).
export default defineConfig({
  test: {
    ...reporting('demo-cluster'),
    include: ['cluster/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
