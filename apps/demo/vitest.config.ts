import { reporting } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...reporting('demo'),
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
  },
});
