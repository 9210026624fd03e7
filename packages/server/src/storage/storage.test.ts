import { afterAll } from 'vitest';
import { databaseContract, hotStoreContract } from '../../test/storage-contract';
import { createMemoryHotStore } from './hot-memory';
import { openDatabase } from './sql-database';
import type { HotStore, ShowDatabase } from './types';

const opened: Array<ShowDatabase | HotStore> = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});

databaseContract('SQLite (in memory)', async () => {
  const db = await openDatabase({ url: 'sqlite::memory:' });
  opened.push(db);
  return db;
});
hotStoreContract('memory', async () => {
  const hot = createMemoryHotStore();
  opened.push(hot);
  return hot;
});
