import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';

// The stories render @show/ui's source (not its build), so the props tables can be read from its
// TypeScript types; the stylesheet still comes from the package.
const uiDir = fileURLToPath(new URL('../../../packages/ui/src/', import.meta.url));
const uiSource = `${uiDir}index.ts`;

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  addons: [
    // GitHub-flavoured Markdown in the docs pages: their tables are tables, not `| a | b |` text.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // @show/ui's own project: the plugin documents only files that project holds.
      tsconfigPath: `${uiDir}../tsconfig.json`,
      include: [`${uiDir}**/*.tsx`],
      exclude: ['**/*.test.tsx', '**/*.stories.tsx'],
      // Props declared by the component itself and by our own types, not React's DOM attributes.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
    },
  },
  viteFinal: (config) => ({
    ...config,
    resolve: {
      ...config.resolve,
      alias: [
        ...(Array.isArray(config.resolve?.alias) ? config.resolve.alias : []),
        { find: /^@show\/ui$/, replacement: uiSource },
      ],
    },
  }),
};

export default config;
