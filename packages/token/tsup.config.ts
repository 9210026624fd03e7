import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Two builds of one API: the default (WebCrypto + jose) and the `node` condition (node:crypto).
// Browsers get `browser/`, written by hand, which refuses to load. The builds run in parallel,
// so neither cleans `dist`: the build script does, once.
export default defineConfig([
  packageConfig({ entry: { index: 'src/index.ts' }, clean: false }),
  packageConfig({ entry: { node: 'src/node.ts' }, platform: 'node', clean: false }),
]);
