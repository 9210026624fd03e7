import { browserProject, liveProject, reporting, unitProject } from '@show/harness/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...reporting('metrics'),
    projects: [unitProject(), await browserProject(), liveProject()],
  },
});
