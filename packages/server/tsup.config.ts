import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Node: the storage adapters load native SQLite, pg and ioredis (the last two only when asked for).
export default defineConfig(
  packageConfig({ platform: 'node', external: ['better-sqlite3', 'pg', 'ioredis'] }),
);
