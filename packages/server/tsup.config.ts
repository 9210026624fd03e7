import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Node: the storage adapters load native SQLite, pg and ioredis (the last two only when asked for);
// `prometheus` is a second entry, the only one that needs prom-client.
export default defineConfig(
  packageConfig({
    entry: { index: 'src/index.ts', prometheus: 'src/prometheus.ts' },
    platform: 'node',
    external: ['better-sqlite3', 'pg', 'ioredis', 'prom-client'],
  }),
);
