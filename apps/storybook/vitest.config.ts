import { fileURLToPath } from 'node:url';
import { chromiumBrowser, reporting } from '@show/harness/vitest';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Every story is a test: it must render, and its play function must pass, in the system Chromium.
export default defineConfig({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
  optimizeDeps: { include: ['react', 'react-dom', 'react/jsx-dev-runtime'] },
  test: {
    ...reporting('storybook'),
    projects: [
      {
        extends: true,
        test: {
          name: 'storybook',
          // A desktop window; phone stories narrow their own container (container queries).
          browser: { ...(await chromiumBrowser()), viewport: { width: 1280, height: 900 } },
        },
      },
      // The same stories again in the dark theme: axe checks its contrast too.
      {
        extends: true,
        define: { 'import.meta.env.VITE_SHOW_THEME': JSON.stringify('dark') },
        test: {
          name: 'storybook-dark',
          browser: { ...(await chromiumBrowser()), viewport: { width: 1280, height: 900 } },
        },
      },
      // The static build's docs pages, read in Node.
      {
        test: { name: 'docs', include: ['stories/docs/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
