import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { databaseContract, hotStoreContract, restartContract } from '../../test/storage-contract';
import { createMemoryHotStore } from './hot-memory';
import { openDatabase } from './sql-database';
import type { HotStore, ShowDatabase } from './types';

const opened: Array<ShowDatabase | HotStore> = [];
const folder = mkdtempSync(join(tmpdir(), 'show-storage-test-'));
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  rmSync(folder, { recursive: true, force: true });
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
restartContract('SQLite (a file)', () =>
  openDatabase({ url: `sqlite:${join(folder, 'nested', 'show.sqlite')}` }),
);
