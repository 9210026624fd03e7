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
    // The sizes the kit is checked at (the demo's e2e clicks every button at 320, 390 and 1280).
    viewport: {
      options: {
        phoneSmall: {
          name: 'Small phone (320 × 640)',
          styles: { width: '320px', height: '640px' },
          type: 'mobile',
        },
        phone: {
          name: 'Phone (390 × 844)',
          styles: { width: '390px', height: '844px' },
          type: 'mobile',
        },
        tablet: {
          name: 'Tablet (820 × 1180)',
          styles: { width: '820px', height: '1180px' },
          type: 'tablet',
        },
        desktop: {
          name: 'Desktop (1280 × 800)',
          styles: { width: '1280px', height: '800px' },
          type: 'desktop',
        },
      },
    },
    // Every story is checked with axe in the test run: a violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
