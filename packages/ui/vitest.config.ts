import { browserProject, liveProject, reporting, unitProject } from '@show/harness/vitest';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    ...reporting('ui'),
    projects: [
      unitProject({ environment: 'jsdom', setupFiles: ['./test/setup-dom.ts'] }),
      await browserProject({
        optimizeDeps: ['react', 'react-dom', 'react/jsx-dev-runtime', 'vitest-browser-react'],
      }),
      liveProject(),
    ],
  },
});
