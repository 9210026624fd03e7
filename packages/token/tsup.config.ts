import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Three builds of one API: the default (WebCrypto + jose), the `node` condition (node:crypto),
// and a `browser` stub that refuses to load, so the API secret never ships to a browser.
// They run in parallel, so none cleans `dist`: the build script does, once.
export default defineConfig([
  packageConfig({ entry: { index: 'src/index.ts' }, clean: false }),
  packageConfig({ entry: { node: 'src/node.ts' }, platform: 'node', clean: false }),
  packageConfig({
    entry: { browser: 'src/browser.ts' },
    format: ['esm'],
    sourcemap: false,
    clean: false,
  }),
]);
