// Vitest global setup for tests of real storage: one PostgreSQL and one Redis per run.
import { startPostgres, startRedis } from './databases.mjs';

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  const [postgres, redis] = await Promise.all([
    startPostgres({ name: `vitest-${project.name}` }),
    startRedis({ name: `vitest-${project.name}` }),
  ]);
  project.provide('storage', { postgresUrl: postgres.url, redisUrl: redis.url });
  return async () => {
    await Promise.all([postgres.stop(), redis.stop()]);
  };
}
