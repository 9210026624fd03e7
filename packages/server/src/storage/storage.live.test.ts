/// <reference types="@show/harness/vitest-context" />
// The storage contract on the real backends: PostgreSQL and Redis started for this run.
import { startRedis } from '@show/harness';
import { afterAll, expect, inject, test } from 'vitest';
import { databaseContract, hotStoreContract, restartContract } from '../../test/storage-contract';
import { isShowServerError } from '../server-error';
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
restartContract('PostgreSQL', () => openDatabase({ url: postgresUrl }));

test('Redis down: limits and presence fail at once with storage_unavailable, and recover', async () => {
  const redis = await startRedis({ name: 'outage' });
  const hot = await createRedisHotStore({ url: redis.url });
  const limiter = hot.limiter('outage', { points: 5, durationMs: 10_000 });
  expect(await limiter.take('a')).toEqual({ allowed: true });
  await redis.stop();
  const started = Date.now();
  const refusal = await limiter.take('a').then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(isShowServerError(refusal) && refusal.code).toBe('storage_unavailable');
  const presence = await hot.presence.count('room').catch((error: unknown) => error);
  expect(isShowServerError(presence) && presence.code).toBe('storage_unavailable');
  // A refusal at once, not a wait for a connection timeout (5 s) or a queue that never drains.
  expect(Date.now() - started).toBeLessThan(3000);
  const back = await startRedis({ name: 'outage', port: redis.port });
  try {
    await expect.poll(() => limiter.take('b'), { timeout: 10_000 }).toEqual({ allowed: true });
  } finally {
    await hot.close();
    await back.stop();
  }
});
