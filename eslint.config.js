// One lint config for the monorepo; each package runs `eslint .` from its own folder.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const REACT_AND_LIVEKIT = [
  'react',
  'react-dom',
  'react/*',
  'livekit-client',
  '@livekit/*',
  'zustand',
  'zustand/*',
];

/** no-restricted-imports for a layer: which modules it must never reach. */
function forbid(patterns, message, paths = []) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: patterns, message }], paths: paths.map((name) => ({ name, message })) },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.turbo/**',
      '**/storybook-static/**',
      '**/next-env.d.ts',
      'tooling/harness/types/**',
      '.tools/**',
      '.run/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'packages/ui/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Layers, one direction. token and metrics never import React or LiveKit's client.
  {
    files: ['packages/token/src/**', 'packages/metrics/src/**'],
    rules: forbid(
      REACT_AND_LIVEKIT,
      'token and metrics are framework-agnostic: React and LiveKit bindings live in @show/ui.',
    ),
  },
  // A secret must never be one import away from a client bundle.
  {
    files: ['packages/ui/src/**'],
    rules: forbid(
      ['@show/token', '@show/token/*'],
      '@show/ui runs in browsers: it must never import @show/token.',
    ),
  },
  // Inside @show/ui: store → room → hooks → components → prefabs; nothing imports upward.
  {
    files: ['packages/ui/src/store/**'],
    rules: forbid(
      [
        'react',
        'react-dom',
        'react/*',
        'livekit-client',
        '@livekit/*',
        '**/room/**',
        '**/hooks/**',
        '**/components/**',
        '**/prefabs/**',
        '@show/token',
      ],
      'store is the bottom layer of @show/ui: plain state (zustand/vanilla) and rules, no React, no LiveKit.',
      // zustand's React entry; zustand/vanilla is allowed.
      ['zustand'],
    ),
  },
  {
    files: ['packages/ui/src/room/**'],
    rules: forbid(
      ['react', 'react-dom', '**/hooks/**', '**/components/**', '**/prefabs/**', '@show/token'],
      'room binds LiveKit to the store without React.',
    ),
  },
  {
    files: ['packages/ui/src/hooks/**'],
    rules: forbid(
      ['**/components/**', '**/prefabs/**', '@show/token'],
      'hooks may use the store, never components or prefabs.',
    ),
  },
  {
    files: ['packages/ui/src/components/**'],
    rules: forbid(
      ['**/prefabs/**', '@show/token'],
      'components may use hooks and the store, never prefabs.',
    ),
  },
  // Next.js replaces `process.env.NEXT_PUBLIC_…` with its build-time value in every bundle, the
  // server's and the proxy's included: configuration is read at request time (lib/config.ts).
  {
    files: ['apps/demo/app/**', 'apps/demo/lib/**', 'apps/demo/proxy.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name='env'][property.name=/^NEXT_PUBLIC_/]",
          message:
            'Read NEXT_PUBLIC_ variables through readConfig or runtimeEnv: Next inlines them at build time.',
        },
      ],
    },
  },
);
