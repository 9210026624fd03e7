// Picks the backends from two URLs: SQLite unless DATABASE_URL names PostgreSQL, memory unless
// REDIS_URL is set.
import { openDatabase } from './sql-database';
import { createMemoryHotStore } from './hot-memory';
import { createRedisHotStore } from './hot-redis';
import type { HotStore, ShowDatabase } from './types';

export interface ShowStorageOptions {
  /** `postgres://…`, `sqlite:<file>`; default `sqlite:show.sqlite`. */
  databaseUrl?: string | undefined;
  /** `redis://…`; default: this process's memory (one instance only). */
  redisUrl?: string | undefined;
}

export interface ShowStorage {
  database: ShowDatabase;
  hot: HotStore;
  close(): Promise<void>;
}

export async function openShowStorage(options: ShowStorageOptions = {}): Promise<ShowStorage> {
  const database = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : {});
  let hot: HotStore;
  try {
    hot = options.redisUrl
      ? await createRedisHotStore({ url: options.redisUrl })
      : createMemoryHotStore();
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    database,
    hot,
    async close() {
      await Promise.all([hot.close(), database.close()]);
    },
  };
}
