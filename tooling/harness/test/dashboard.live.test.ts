// The Grafana dashboard (deploy/grafana/show-dashboard.json) against a real Prometheus: it scrapes
// the run's livekit-server (a room with a host publishing and a viewer subscribing, so LiveKit's
// packet metrics exist) and an app instance's /api/metrics (@show/server/prometheus, exercised as a
// show would), every second. Each variable query and each panel query is asked as Grafana would ask
// it, variables substituted; each must evaluate, and return series.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import {
  createPrometheusObserver,
  type PrometheusObserver,
} from '../../../packages/server/src/prometheus';
import {
  builtInVariables,
  interpolate,
  parseLabelValues,
  queryPanels,
  variableQuery,
  variableText,
  type Dashboard,
} from '../src/grafana-dashboard.mjs';
import { labelValues, query, waitForTargets } from '../src/prometheus-api.mjs';
import { startPrometheus, type StartedPrometheus } from '../src/prometheus-server.mjs';
import { freeTcpPort, launchChromium, openRoomPage, serveRoomPage } from '../src/index.mjs';

const dashboard = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../deploy/grafana/show-dashboard.json', import.meta.url)),
    'utf8',
  ),
) as Dashboard;
const livekit = inject('livekit');
const ROOM = `dashboard-${Date.now().toString(36)}`;
const TOKEN = 'a-metrics-token-for-the-dashboard-test';
/** As a 1400 px wide dashboard shows the last 5 minutes (Grafana's $__interval comes from both). */
const RANGE_SECONDS = 300;
const MAX_DATA_POINTS = 460;

let prometheus: StartedPrometheus | undefined;
let app: Server | undefined;
let appTarget: string;
let exercising: ReturnType<typeof setInterval> | undefined;
let browser: Browser | undefined;
let site: Awaited<ReturnType<typeof serveRoomPage>> | undefined;
const pages: Page[] = [];

/** What one app instance sees during a show, told to the observer the app's server uses. */
function exercise(metrics: PrometheusObserver, tick: number) {
  const { observe } = metrics;
  observe.request?.({ route: 'token', method: 'GET', status: 200, seconds: 0.004 });
  observe.token?.({ role: tick === 0 ? 'host' : 'viewer' });
  observe.request?.({ route: 'chat', method: 'POST', status: 200, seconds: 0.012 });
  if (tick % 3 === 0) {
    observe.request?.({
      route: 'chat',
      method: 'POST',
      status: 429,
      code: 'rate_limited',
      seconds: 0.002,
    });
  }
  observe.request?.({ route: 'webhook', method: 'POST', status: 200, seconds: 0.006 });
  observe.webhook?.({ event: 'participant_joined', lagSeconds: 0.05 + (tick % 5) / 20 });
  observe.request?.({ route: 'show', method: 'GET', status: 500, seconds: 0.03 });
  observe.store?.({ store: 'database', operation: 'chat.append', seconds: 0.003, ok: true });
  observe.store?.({ store: 'hot', operation: 'presence.join', seconds: 0.0004, ok: true });
  // Redis refusing now and then, so the errors panel has its series.
  observe.store?.({ store: 'hot', operation: 'limits.take', seconds: 0.1, ok: tick % 4 !== 0 });
  observe.viewers?.({ room: ROOM, viewers: 1 + (tick % 3) });
  observe.show?.({ room: ROOM, status: 'live', hostConnections: 1 });
}

/** The app's metrics endpoint on node:http, as `GET /api/metrics` in the demo. */
async function serveAppMetrics(metrics: PrometheusObserver) {
  const port = (await freeTcpPort()) as number;
  const server = createServer((message, out) => {
    if (message.url !== '/api/metrics') {
      out.writeHead(404).end();
      return;
    }
    const request = new Request(`http://127.0.0.1:${port}/api/metrics`, {
      method: message.method ?? 'GET',
      headers: { authorization: message.headers.authorization ?? '' },
    });
    void metrics.handler(request).then(async (response) => {
      out.writeHead(response.status, Object.fromEntries(response.headers));
      out.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, target: `127.0.0.1:${port}` };
}

async function joinRoom(identity: string, canPublish: boolean) {
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: 600 });
  at.addGrant({ roomJoin: true, room: ROOM, canPublish, canSubscribe: true });
  const page = await openRoomPage(browser as Browser, (site as { url: string }).url);
  pages.push(page);
  const joined = await page.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
    livekit.wsUrl,
    await at.toJwt(),
  ] as const);
  expect(joined).toMatchObject({ ok: true, identity });
  return page;
}

/** Each variable's values, as Grafana's variable queries would find them. */
async function variableOptions(url: string) {
  const options: Record<string, string[]> = {};
  for (const variable of dashboard.templating.list) {
    if (variable.type !== 'query') continue;
    const asked = parseLabelValues(variableQuery(variable));
    if (!asked) throw new Error(`variable ${variable.name}: not a label_values() query`);
    options[variable.name] = await labelValues(url, asked.label, asked.match);
  }
  return options;
}

/**
 * Every panel query with the variables substituted: once with All selected, once with the show,
 * the app instance and the LiveKit node of this test.
 */
function panelQueries(chosen: Record<string, string>, options: Record<string, string[]>) {
  const builtIns = builtInVariables({
    rangeSeconds: RANGE_SECONDS,
    maxDataPoints: MAX_DATA_POINTS,
    scrapeIntervalSeconds: prometheus?.scrapeIntervalSeconds ?? 1,
  }).values;
  const queries: Array<{ panel: string; selection: string; expr: string }> = [];
  for (const selection of ['All', 'one'] as const) {
    const values: Record<string, string> = { ...builtIns };
    for (const variable of dashboard.templating.list) {
      if (variable.type !== 'query') continue;
      values[variable.name] = variableText(
        variable,
        selection === 'All' ? 'all' : [chosen[variable.name] ?? ''],
        options[variable.name],
      );
    }
    for (const panel of queryPanels(dashboard)) {
      for (const target of panel.targets ?? []) {
        queries.push({
          panel: `${panel.title} (${target.refId})`,
          selection,
          expr: interpolate(target.expr ?? '', values),
        });
      }
    }
  }
  return queries;
}

beforeAll(async () => {
  const metrics = createPrometheusObserver({ bearerToken: TOKEN });
  let tick = 0;
  exercise(metrics, tick);
  exercising = setInterval(() => exercise(metrics, ++tick), 200);
  const served = await serveAppMetrics(metrics);
  app = served.server;
  appTarget = served.target;

  // A show on the LiveKit node: its room, a host publishing the fake camera, a viewer watching.
  const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  await rooms.createRoom({ name: ROOM, emptyTimeout: 120 });
  [site, browser] = await Promise.all([serveRoomPage(), launchChromium()]);
  const host = await joinRoom('host', true);
  await joinRoom('viewer', false);
  await host.evaluate(() => window.harness.publishCameraAndMicrophone());

  prometheus = await startPrometheus({
    name: 'dashboard',
    jobs: [
      { job: 'livekit', targets: [new URL(livekit.prometheusUrl).host] },
      { job: 'show-app', targets: [appTarget], metricsPath: '/api/metrics', bearerToken: TOKEN },
    ],
  });
  await waitForTargets(prometheus.url);
}, 90_000);

afterAll(async () => {
  clearInterval(exercising);
  for (const page of pages) await page.evaluate(() => window.harness.leave()).catch(() => {});
  await browser?.close();
  await site?.close();
  await prometheus?.stop();
  await new Promise<void>((resolve) => {
    if (!app) return resolve();
    app.close(() => resolve());
    app.closeAllConnections();
  });
});

test('each variable query finds this show, this app instance and this LiveKit node', async () => {
  const url = (prometheus as StartedPrometheus).url;
  await expect
    .poll(() => variableOptions(url), { timeout: 15_000 })
    .toEqual({
      room: [ROOM],
      instance: [appTarget],
      node: [new URL(livekit.prometheusUrl).host],
    });
});

test('every panel query evaluates on a real Prometheus and returns series, All selected or one', async () => {
  const url = (prometheus as StartedPrometheus).url;
  const options = await variableOptions(url);
  const queries = panelQueries(
    { room: ROOM, instance: appTarget, node: new URL(livekit.prometheusUrl).host },
    options,
  );
  expect(queries.length).toBeGreaterThan(0);
  // Rates need two scrapes inside $__rate_interval, LiveKit's loss histogram a first report from
  // the viewer: ask again until every query has series (or the time is up), then say which not.
  const empty = async () => {
    const problems: string[] = [];
    for (const { panel, selection, expr } of queries) {
      const answer = await query(url, expr);
      if (answer.status !== 'success') {
        problems.push(`${panel}, ${selection}: ${answer.errorType}: ${answer.error}\n  ${expr}`);
      } else if ((answer.data?.result.length ?? 0) === 0) {
        problems.push(`${panel}, ${selection}: no series\n  ${expr}`);
      }
    }
    return problems;
  };
  await expect.poll(empty, { timeout: 45_000, interval: 1000 }).toEqual([]);
}, 90_000);
