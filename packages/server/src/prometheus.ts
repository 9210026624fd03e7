// `@show/server/prometheus`: the server's observations as Prometheus metrics (prom-client), and a
// Fetch-API handler that serves them. prom-client is an optional peer: only this entry needs it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ShowObserver } from './observer';

export type {
  DeliveryEvent,
  RequestEvent,
  ShowEvent,
  ShowObserver,
  ShowRoute,
  StoreEvent,
} from './observer';

export interface PrometheusObserverOptions {
  /** Where the metrics live; default a new registry of their own. */
  registry?: Registry;
  /** Also the process's CPU, memory, event-loop lag and handles (default true). */
  processMetrics?: boolean;
  /**
   * Required as `Authorization: Bearer <token>` by `handler`; without it the handler answers 404
   * to everyone (metrics name your shows: keep them off the open internet).
   */
  bearerToken?: string | undefined;
}

export interface PrometheusObserver {
  /** Pass as `createShowServer({ observe })`. */
  observe: ShowObserver;
  registry: Registry;
  /** `GET` → the text exposition format, for Prometheus to scrape. */
  handler(request: Request): Promise<Response>;
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** The outbox's batching slot is 200 ms by default: finer around it. */
const WAIT_SECONDS = [0.005, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1, 2.5, 5];
const LAG_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120];

/**
 * Metrics, all prefixed `show_`: `http_requests_total` and `http_request_duration_seconds` by
 * route, method and status (refusals by `code`), `tokens_issued_total` by role,
 * `chat_messages_total` by outcome and code, `webhooks_total` and `webhook_lag_seconds` by event,
 * `store_operation_duration_seconds` and `store_errors_total` by store and operation, and per show
 * `viewers`, `live` (1 while the show's status is live) and `host_connections`; and for what the
 * server sends into rooms, `delivery_wait_seconds` (batching), `delivery_send_seconds` (LiveKit's
 * SendData) and `delivery_packets_total` by outcome.
 */
export function createPrometheusObserver(
  options: PrometheusObserverOptions = {},
): PrometheusObserver {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true)
    collectDefaultMetrics({ register: registry, prefix: 'show_' });

  const requests = new Counter({
    name: 'show_http_requests_total',
    help: 'Requests answered, by route, method, status and refusal code.',
    labelNames: ['route', 'method', 'status', 'code'] as const,
    registers,
  });
  const durations = new Histogram({
    name: 'show_http_request_duration_seconds',
    help: 'Time to answer a request, by route and method.',
    labelNames: ['route', 'method'] as const,
    buckets: SECONDS,
    registers,
  });
  const tokens = new Counter({
    name: 'show_tokens_issued_total',
    help: 'LiveKit tokens issued, by role.',
    labelNames: ['role'] as const,
    registers,
  });
  const chat = new Counter({
    name: 'show_chat_messages_total',
    help: 'Chat messages posted: accepted, or refused with a code (rate_limited, muted, …).',
    labelNames: ['outcome', 'code'] as const,
    registers,
  });
  const webhooks = new Counter({
    name: 'show_webhooks_total',
    help: 'LiveKit webhooks applied (duplicates are not), by event.',
    labelNames: ['event'] as const,
    registers,
  });
  const webhookLag = new Histogram({
    name: 'show_webhook_lag_seconds',
    help: "From LiveKit's createdAt to applied.",
    buckets: LAG_SECONDS,
    registers,
  });
  const storeTime = new Histogram({
    name: 'show_store_operation_duration_seconds',
    help: 'Storage calls, by store (database, hot) and operation.',
    labelNames: ['store', 'operation'] as const,
    buckets: SECONDS,
    registers,
  });
  const storeErrors = new Counter({
    name: 'show_store_errors_total',
    help: 'Storage calls that failed, by store (database, hot) and operation.',
    labelNames: ['store', 'operation'] as const,
    registers,
  });
  const viewers = new Gauge({
    name: 'show_viewers',
    help: 'People watching a show (not connections), as the server counts them.',
    labelNames: ['room'] as const,
    registers,
  });
  const live = new Gauge({
    name: 'show_live',
    help: "1 while a show's status is live.",
    labelNames: ['room'] as const,
    registers,
  });
  const hosts = new Gauge({
    name: 'show_host_connections',
    help: "The host's connections to a show's room.",
    labelNames: ['room'] as const,
    registers,
  });

  const deliveryWait = new Histogram({
    name: 'show_delivery_wait_seconds',
    help: "From the arrival of a packet's oldest event (a chat line, a count) to the packet's send.",
    buckets: WAIT_SECONDS,
    registers,
  });
  const deliverySend = new Histogram({
    name: 'show_delivery_send_seconds',
    help: "LiveKit's SendData call, per packet of events sent into a room.",
    buckets: SECONDS,
    registers,
  });
  const deliveryPackets = new Counter({
    name: 'show_delivery_packets_total',
    help: 'Packets of events sent into rooms, by outcome (sent, failed).',
    labelNames: ['outcome'] as const,
    registers,
  });

  const observe: ShowObserver = {
    request({ route, method, status, code, seconds }) {
      requests.inc({ route, method, status: String(status), code: code ?? '' });
      durations.observe({ route, method }, seconds);
      if (route === 'chat' && method === 'POST') {
        chat.inc({ outcome: status < 300 ? 'accepted' : 'refused', code: code ?? '' });
      }
    },
    token: ({ role }) => tokens.inc({ role }),
    webhook({ event, lagSeconds }) {
      webhooks.inc({ event });
      if (lagSeconds !== undefined) webhookLag.observe(lagSeconds);
    },
    store({ store, operation, seconds, ok }) {
      storeTime.observe({ store, operation }, seconds);
      if (!ok) storeErrors.inc({ store, operation });
    },
    viewers: ({ room, viewers: count }) => viewers.set({ room }, count),
    show({ room, status, hostConnections }) {
      live.set({ room }, status === 'live' ? 1 : 0);
      hosts.set({ room }, hostConnections);
    },
    delivery({ waitSeconds, sendSeconds, ok }) {
      deliveryWait.observe(waitSeconds);
      deliverySend.observe(sendSeconds);
      deliveryPackets.inc({ outcome: ok ? 'sent' : 'failed' });
    },
  };

  const expected = options.bearerToken && `Bearer ${options.bearerToken}`;
  return {
    observe,
    registry,
    async handler(request) {
      if (!expected || !(await sameText(request.headers.get('authorization') ?? '', expected))) {
        return new Response('Not found', { status: 404 });
      }
      if (request.method !== 'GET') {
        return new Response('Use GET.', { status: 405, headers: { Allow: 'GET' } });
      }
      return new Response(await registry.metrics(), {
        headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
      });
    },
  };
}

/** Compares in constant time (by their SHA-256), so the token cannot be guessed byte by byte. */
async function sameText(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [x, y] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(a)),
    crypto.subtle.digest('SHA-256', encoder.encode(b)),
  ]);
  const left = new Uint8Array(x);
  const right = new Uint8Array(y);
  let difference = 0;
  for (let i = 0; i < left.length; i += 1) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
