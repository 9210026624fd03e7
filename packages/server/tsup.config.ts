import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

const external = ['better-sqlite3', 'pg', 'ioredis', 'prom-client'];

// Node: the storage adapters load native SQLite, pg and ioredis (the last two only when asked for);
// `prometheus` is a second entry, the only one that needs prom-client; `show-doctor` a command.
// The builds run in parallel, so none cleans `dist`: the build script does, once.
export default defineConfig([
  packageConfig({
    entry: { index: 'src/index.ts', prometheus: 'src/prometheus.ts' },
    platform: 'node',
    external,
    clean: false,
  }),
  packageConfig({
    entry: { doctor: 'src/doctor/cli.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
    external,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
