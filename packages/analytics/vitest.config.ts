import { reporting, unitProject } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...reporting('analytics'),
    projects: [unitProject()],
  },
});
