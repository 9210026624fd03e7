// Hot state in this process's memory: right for one instance (and the tests' reference).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { HotStore, LimitDecision, Limiter, Presence } from './types';

/** rate-limiter-flexible's answer as ours: a refusal resolves, a store failure throws. */
export async function decide(consume: () => Promise<unknown>): Promise<LimitDecision> {
  try {
    await consume();
    return { allowed: true };
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) {
      return { allowed: false, retryAfterMs: Math.max(1, outcome.msBeforeNext) };
    }
    throw outcome;
  }
}

/** The most de-duplication keys kept; the oldest are forgotten first. */
const MAX_SEEN = 100_000;

export function createMemoryHotStore(): HotStore {
  const seen = new Map<string, number>();
  const rooms = new Map<string, Map<string, Set<string>>>();

  const people = (room: string) => {
    let map = rooms.get(room);
    if (!map) rooms.set(room, (map = new Map()));
    return map;
  };

  const presence: Presence = {
    async join(room, person, identity) {
      const map = people(room);
      let connections = map.get(person);
      if (!connections) map.set(person, (connections = new Set()));
      connections.add(identity);
      return map.size;
    },
    async leave(room, person, identity) {
      const map = rooms.get(room);
      if (!map) return 0;
      const connections = map.get(person);
      connections?.delete(identity);
      if (connections?.size === 0) map.delete(person);
      return map.size;
    },
    count: async (room) => rooms.get(room)?.size ?? 0,
    connections: async (room, person) => [...(rooms.get(room)?.get(person) ?? [])],
    people: async (room) => [...(rooms.get(room)?.keys() ?? [])],
    async clear(room) {
      rooms.delete(room);
    },
  };

  return {
    kind: 'memory',
    limiter(name, { points, durationMs }): Limiter {
      const limiter = new RateLimiterMemory({
        keyPrefix: name,
        points,
        duration: durationMs / 1000,
      });
      return { take: (key) => decide(() => limiter.consume(key)) };
    },
    async firstTime(key, ttlMs) {
      const now = Date.now();
      const expires = seen.get(key);
      if (expires !== undefined && expires > now) return false;
      seen.delete(key);
      seen.set(key, now + ttlMs);
      if (seen.size > MAX_SEEN) {
        for (const [old, until] of seen) {
          if (seen.size <= MAX_SEEN && until > now) break;
          seen.delete(old);
        }
      }
      return true;
    },
    async forget(key) {
      seen.delete(key);
    },
    presence,
    async close() {
      rooms.clear();
      seen.clear();
    },
  };
}
