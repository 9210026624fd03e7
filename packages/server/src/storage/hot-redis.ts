// Hot state in Redis, shared by every instance of the app: limits (rate-limiter-flexible),
// de-duplication (SET NX PX) and presence (sets, changed atomically by two small scripts).
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { ShowServerError } from '../server-error';
import { decide } from './hot-memory';
import type { HotStore, Limiter, Presence } from './types';

// KEYS: people set, this person's connections. ARGV: person, identity. Returns people in the room.
const JOIN = `
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[1], ARGV[1])
return redis.call('SCARD', KEYS[1])`;
const LEAVE = `
redis.call('SREM', KEYS[2], ARGV[2])
if redis.call('SCARD', KEYS[2]) == 0 then redis.call('SREM', KEYS[1], ARGV[1]) end
return redis.call('SCARD', KEYS[1])`;

export interface RedisHotStoreOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** Prefix of every key; default `show:`. */
  prefix?: string;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    throw new ShowServerError('storage_unavailable', 'The shared store (Redis) is not available.', {
      cause,
    });
  }
}

export async function createRedisHotStore(options: RedisHotStoreOptions): Promise<HotStore> {
  // An optional peer: bundlers leave it to run time, so an app without it still builds.
  const { Redis: Client } = await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ 'ioredis'
  );
  const prefix = options.prefix ?? 'show:';
  // Fail fast while Redis is down (a clear 503), rather than queue requests until it returns.
  const redis: Redis = new Client(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    // A Redis that stops answering is a 503, not a request that hangs.
    commandTimeout: 2000,
    lazyConnect: true,
  });
  redis.on('error', () => {
    // Reported per command as storage_unavailable; ioredis keeps reconnecting by itself.
  });
  await redis.connect();

  const peopleKey = (room: string) => `${prefix}presence:${room}:people`;
  const personKey = (room: string, person: string) => `${prefix}presence:${room}:p:${person}`;

  const presence: Presence = {
    join: (room, person, identity) =>
      guarded(async () =>
        Number(
          await redis.eval(JOIN, 2, peopleKey(room), personKey(room, person), person, identity),
        ),
      ),
    leave: (room, person, identity) =>
      guarded(async () =>
        Number(
          await redis.eval(LEAVE, 2, peopleKey(room), personKey(room, person), person, identity),
        ),
      ),
    count: (room) => guarded(() => redis.scard(peopleKey(room))),
    connections: (room, person) => guarded(() => redis.smembers(personKey(room, person))),
    people: (room) => guarded(() => redis.smembers(peopleKey(room))),
    clear: (room) =>
      guarded(async () => {
        const people = await redis.smembers(peopleKey(room));
        await redis.del(peopleKey(room), ...people.map((p) => personKey(room, p)));
      }),
  };

  return {
    kind: 'redis',
    limiter(name, { points, durationMs }): Limiter {
      const limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}limit:${name}`,
        points,
        // Redis expires keys in whole seconds (EX): a window rounds up, never down.
        duration: Math.max(1, Math.ceil(durationMs / 1000)),
        rejectIfRedisNotReady: true,
      });
      return { take: (key) => guarded(() => decide(() => limiter.consume(key))) };
    },
    firstTime: (key, ttlMs) =>
      guarded(
        async () => (await redis.set(`${prefix}seen:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK',
      ),
    forget: (key) =>
      guarded(async () => {
        await redis.del(`${prefix}seen:${key}`);
      }),
    presence,
    async close() {
      redis.disconnect();
    },
  };
}
