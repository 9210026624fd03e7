import type { Options } from 'tsup';

/**
 * The one tsup configuration every publishable package extends.
 * ESM first, a CommonJS twin for `require`, and declarations for each format
 * (`.d.ts` next to ESM, `.d.cts` next to CJS) so both resolution modes get types.
 */
export function packageConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    // esbuild already drops unused code; tsup's extra Rollup pass would strip the 'use client' banner.
    treeshake: false,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
    ...overrides,
  };
}
