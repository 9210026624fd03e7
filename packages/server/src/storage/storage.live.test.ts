/// <reference types="@show/harness/vitest-context" />
// The storage contract on the real backends: PostgreSQL and Redis started for this run.
import { afterAll, inject } from 'vitest';
import { databaseContract, hotStoreContract } from '../../test/storage-contract';
import { createRedisHotStore } from './hot-redis';
import { openDatabase } from './sql-database';
import type { HotStore, ShowDatabase } from './types';

const { postgresUrl, redisUrl } = inject('storage');
const opened: Array<ShowDatabase | HotStore> = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});

databaseContract('PostgreSQL', async () => {
  const db = await openDatabase({ url: postgresUrl });
  opened.push(db);
  return db;
});
hotStoreContract('Redis', async () => {
  const hot = await createRedisHotStore({ url: redisUrl, prefix: `test-${Date.now()}:` });
  opened.push(hot);
  return hot;
});
