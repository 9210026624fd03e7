import 'server-only';
import { createShowServer, openShowStorage, type ShowServer } from '@show/server';
import { createPrometheusObserver, type PrometheusObserver } from '@show/server/prometheus';
import { createRoomService, createWebhookReceiver } from '@show/token';
import { SHOW_ROOM } from './catalog';
import type { DemoConfig } from './config';
import { log } from './log';
import { demoMinter } from './minter';
import { sessionsFor } from './sessions';

export interface DemoServer {
  show: ShowServer;
  /** Prometheus metrics of this process, served at `/api/metrics` with SHOW_METRICS_TOKEN. */
  metrics: PrometheusObserver;
}

const KEY = Symbol.for('show.demo.server');
type Holder = { [KEY]?: { key: string; server: Promise<DemoServer> } };

async function open(config: DemoConfig): Promise<DemoServer> {
  const minter = demoMinter(config);
  const [sessions, storage] = await Promise.all([
    sessionsFor(config),
    openShowStorage({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }),
  ]);
  const metrics = createPrometheusObserver({ bearerToken: config.metricsToken });
  const show = createShowServer({
    minter,
    roomService: createRoomService({ url: config.serverUrl, minter }),
    maxParticipants: config.maxParticipants,
    trustedProxyHops: config.trustedProxyHops,
    staffPages: {
      signIn: { host: '/studio', moderator: '/moderate' },
      home: { host: '/studio', moderator: `/show/${SHOW_ROOM}` },
      signedOut: '/',
    },
    webhooks: createWebhookReceiver({ apiKey: config.apiKey, apiSecret: config.apiSecret }),
    sessions,
    ...storage,
    isShow: (room) => room === SHOW_ROOM,
    production: process.env.NODE_ENV === 'production',
    observe: metrics.observe,
    onError: (error) => log().error({ err: error }, 'show server error'),
  });
  return { show, metrics };
}

/**
 * The process's one show server (every route and module copy shares it), opened on first use and
 * again only when the configuration changes.
 */
export function demoServer(config: DemoConfig): Promise<DemoServer> {
  const key = [
    config.apiKey,
    config.apiSecret,
    config.sessionSecret,
    config.databaseUrl,
    config.redisUrl ?? '',
    config.serverUrl,
    config.hostPasscode ?? '',
    config.moderatorPasscode ?? '',
    String(config.localDev),
    config.trustedProxyHops,
    config.maxParticipants,
    config.metricsToken ?? '',
  ].join('\u0000');
  const holder = globalThis as Holder;
  if (holder[KEY]?.key !== key) {
    const server = open(config);
    // A failed open (a database that is down) is tried again by the next request.
    server.catch(() => {
      if (holder[KEY]?.server === server) delete holder[KEY];
    });
    holder[KEY] = { key, server };
  }
  return holder[KEY].server;
}
