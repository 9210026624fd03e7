import type { Preview } from '@storybook/react-vite';
import '@show/ui/styles.css';

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Show theme',
      toolbar: { title: 'Theme', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  // The test run checks every story in both themes (vitest.config.ts sets VITE_SHOW_THEME).
  initialGlobals: { theme: import.meta.env.VITE_SHOW_THEME === 'dark' ? 'dark' : 'light' },
  decorators: [
    (Story, context) => (
      <div
        data-show-theme={context.globals.theme}
        style={{ padding: 16, background: 'var(--show-color-bg)', color: 'var(--show-color-fg)' }}
      >
        <Story />
      </div>
    ),
  ],
  parameters: {
    layout: 'fullscreen',
    // Every story is checked with axe in the test run: a violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
