import { liveProject, reporting, unitProject } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...reporting('token'),
    projects: [
      unitProject(),
      // The runtime-neutral tests again, inside the edge runtime (no Node APIs, WebCrypto only).
      {
        extends: true,
        test: {
          name: 'edge',
          environment: 'edge-runtime',
          include: ['src/**/*.test.ts'],
          exclude: ['**/*.node.test.ts', '**/*.live.test.ts', '**/*.browser.test.ts'],
        },
      },
      liveProject(),
    ],
  },
});
