import { defineConfig } from 'vitest/config';
import { liveProject, reporting, unitProject } from './src/vitest.mjs';

export default defineConfig({
  test: {
    ...reporting('harness'),
    projects: [unitProject(), liveProject()],
  },
});
