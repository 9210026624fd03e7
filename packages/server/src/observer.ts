// What a show's server tells your monitoring: every answered request, tokens issued, webhooks and
// how late they came, each storage call, audiences and the host's presence. Plain callbacks, so
// any metrics library fits; `@show/server/prometheus` maps them to prom-client.
import type { HotStore, ShowDatabase } from './storage/types';

/** The server's routes, as a bounded label (never the room, never a path a client chose). */
export type ShowRoute =
  | 'token'
  | 'webhook'
  | 'show'
  | 'history'
  | 'replay'
  | 'chat'
  | 'chat_delete'
  | 'mutes'
  | 'pins'
  | 'reactions'
  | 'reports'
  | 'events'
  | 'analytics'
  | 'sign_in'
  | 'sign_out';

export interface RequestEvent {
  route: ShowRoute;
  method: string;
  status: number;
  /** The refusal's code (`rate_limited`, `muted`, …) when the server refused. */
  code?: string | undefined;
  seconds: number;
}

export interface StoreEvent {
  /** `database` (SQL) or `hot` (memory or Redis). */
  store: 'database' | 'hot';
  /** The call, e.g. `chat.append`, `presence.join`, `firstTime`. */
  operation: string;
  seconds: number;
  ok: boolean;
}

export interface ShowEvent {
  room: string;
  status: string;
  hostConnections: number;
  /**
   * Why the show just ended: the host ended it (`host`), the host's last connection dropped
   * (`disconnect`: they may come back), or LiveKit closed the room (`room_closed`).
   */
  endedBy?: 'host' | 'disconnect' | 'room_closed';
}

/** A packet of server events (chat, counts, pins…) handed to LiveKit for a room. */
export interface DeliveryEvent {
  room: string;
  /** Events in the packet. */
  events: number;
  /** From the arrival of the packet's oldest event in the outbox to its send (batching). */
  waitSeconds: number;
  /** LiveKit's SendData call. */
  sendSeconds: number;
  /** False when LiveKit refused or could not be reached (the events stay in the history). */
  ok: boolean;
}

export interface ShowObserver {
  request?(event: RequestEvent): void;
  /** A token was issued, for this role. */
  token?(event: { role: 'viewer' | 'host' | 'moderator' }): void;
  /**
   * A webhook was applied (duplicates are not); `lagSeconds` is now − LiveKit's `createdAt`
   * (undefined when LiveKit sent none).
   */
  webhook?(event: { event: string; lagSeconds: number | undefined }): void;
  store?(event: StoreEvent): void;
  /** A show's audience (people, not connections) changed. */
  viewers?(event: { room: string; viewers: number }): void;
  /** A show's status or its host's connections changed (from LiveKit's webhooks). */
  show?(event: ShowEvent): void;
  /** A packet of events went to a room through LiveKit. */
  delivery?(event: DeliveryEvent): void;
}

/**
 * One observer that tells each of `observers` in turn (metrics and a recorder following the show,
 * say). Each callback is called safely: one that throws does not keep the others from hearing.
 */
export function combineObservers(...observers: ShowObserver[]): ShowObserver {
  const combined: ShowObserver = {};
  const keys = ['request', 'token', 'webhook', 'store', 'viewers', 'show', 'delivery'] as const;
  for (const key of keys) {
    const callbacks = observers.map((observer) => observer[key]).filter((f) => f !== undefined);
    if (callbacks.length === 0) continue;
    const safe = callbacks.map((callback) => safely(callback as (event: unknown) => void));
    (combined as Record<string, (event: unknown) => void>)[key] = (event) => {
      for (const callback of safe) callback(event);
    };
  }
  return combined;
}

/** A monitoring callback must never break the show: its errors are dropped. */
export function safely<E>(callback: ((event: E) => void) | undefined): (event: E) => void {
  if (!callback) return () => {};
  return (event) => {
    try {
      callback(event);
    } catch {
      // Monitoring is best effort.
    }
  };
}

/**
 * Every callback safe to call, for the server's own use; `show` stays undefined when nobody
 * listens (it costs the webhook two reads).
 */
export type Observe = {
  [K in Exclude<keyof ShowObserver, 'show'>]-?: NonNullable<ShowObserver[K]>;
} & { show: ShowObserver['show'] };

export function observing(observer: ShowObserver = {}): Observe {
  return {
    request: safely(observer.request),
    token: safely(observer.token),
    webhook: safely(observer.webhook),
    store: safely(observer.store),
    viewers: safely(observer.viewers),
    delivery: safely(observer.delivery),
    show: observer.show && safely(observer.show),
  };
}

type AsyncMethods = Record<string, unknown>;

/** Wraps every method of `target` (and of its objects one level down) to time it. */
function timed<T extends object>(
  target: T,
  store: StoreEvent['store'],
  report: (event: StoreEvent) => void,
  prefix = '',
): T {
  const groups = new Map<string, unknown>();
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof key !== 'string') return value;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          const started = performance.now();
          const done = (ok: boolean) =>
            report({
              store,
              operation: `${prefix}${key}`,
              seconds: (performance.now() - started) / 1000,
              ok,
            });
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(object, args);
          } catch (error) {
            done(false);
            throw error;
          }
          if (result instanceof Promise) {
            return result.then(
              (resolved: unknown) => {
                done(true);
                return resolved;
              },
              (error: unknown) => {
                done(false);
                throw error;
              },
            );
          }
          // A synchronous call (a limiter's factory) hands back an object whose calls are timed too.
          return result !== null && typeof result === 'object'
            ? timed(result as AsyncMethods, store, report, `${prefix}${key}.`)
            : result;
        };
      }
      if (prefix === '' && value !== null && typeof value === 'object') {
        if (!groups.has(key))
          groups.set(key, timed(value as AsyncMethods, store, report, `${key}.`));
        return groups.get(key);
      }
      return value;
    },
  });
}

/** The database and hot store as handlers see them: every call timed when someone listens. */
export function observedStorage(
  database: ShowDatabase,
  hot: HotStore,
  observer: ShowObserver,
): { database: ShowDatabase; hot: HotStore } {
  if (!observer.store) return { database, hot };
  const report = safely(observer.store);
  return { database: timed(database, 'database', report), hot: timed(hot, 'hot', report) };
}
