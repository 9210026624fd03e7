// The Grafana dashboard's JSON (deploy/grafana/show-dashboard.json) as Grafana would import it:
// every panel queries the dashboard's Prometheus variable, every variable it uses exists (and every
// variable is used), the panels do not overlap, and the jobs are the deployment's. Its queries are
// run against a real Prometheus in dashboard.live.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  allPanels,
  layoutProblems,
  parseLabelValues,
  queryPanels,
  variableQuery,
  variableReferences,
  type Dashboard,
} from '../src/grafana-dashboard.mjs';

const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
const dashboard = JSON.parse(read('deploy/grafana/show-dashboard.json')) as Dashboard;
const PROMETHEUS = { type: 'prometheus', uid: '${datasource}' };
const BUILT_IN = ['__interval', '__interval_ms', '__rate_interval', '__range', '__range_s'];
const variables = dashboard.templating.list;
const panels = queryPanels(dashboard);
const targets = panels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ panel, target })),
);

test('is an importable dashboard: schema 39, its own uid, a Prometheus data source variable', () => {
  expect(dashboard).toMatchObject({ schemaVersion: 39, uid: 'show-overview', id: null });
  expect(dashboard.title).toBeTruthy();
  expect(variables.find((v) => v.name === 'datasource')).toMatchObject({
    type: 'datasource',
    query: 'prometheus',
  });
  expect(new Set(variables.map((v) => v.name)).size).toBe(variables.length);
});

test('the show variable lists the rooms the app reports; instance and node the jobs’ targets', () => {
  const queries = Object.fromEntries(variables.map((v) => [v.name, variableQuery(v)]));
  expect(queries).toMatchObject({
    room: 'label_values(show_live, room)',
    instance: 'label_values(up{job="show-app"}, instance)',
    node: 'label_values(up{job="livekit"}, instance)',
  });
  for (const variable of variables.filter((v) => v.type === 'query')) {
    expect(variable.datasource, variable.name).toEqual(PROMETHEUS);
    expect(parseLabelValues(variableQuery(variable)), variable.name).toBeDefined();
    expect(variable.definition, variable.name).toBe(variableQuery(variable));
  }
});

test('every panel and target queries the dashboard’s Prometheus variable, with an expr', () => {
  expect(panels.length).toBeGreaterThan(20);
  for (const panel of panels) {
    expect(['timeseries', 'stat'], panel.title).toContain(panel.type);
    expect(panel.datasource, panel.title).toEqual(PROMETHEUS);
    expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
    const refIds = (panel.targets ?? []).map((t) => t.refId);
    expect(new Set(refIds).size, panel.title).toBe(refIds.length);
  }
  for (const { panel, target } of targets) {
    expect(target.datasource, panel.title).toEqual(PROMETHEUS);
    expect(typeof target.expr === 'string' && target.expr.trim().length > 0, panel.title).toBe(
      true,
    );
  }
});

test('every variable used is defined or built in, and every variable is used', () => {
  const defined = new Set(variables.map((v) => v.name));
  const used = new Set<string>();
  const texts = [
    ...targets.map(({ target }) => target.expr ?? ''),
    ...allPanels(dashboard).map((p) => p.title),
    ...variables.map((v) => variableQuery(v)),
    ...allPanels(dashboard).map((p) => p.datasource?.uid ?? ''),
    ...variables.map((v) => v.datasource?.uid ?? ''),
  ];
  for (const text of texts) {
    for (const name of variableReferences(text)) {
      // label_replace's "${1}" is not a variable: Grafana leaves it alone.
      if (/^\d+$/.test(name)) continue;
      used.add(name);
      expect(defined.has(name) || BUILT_IN.includes(name), `$${name} in ${text}`).toBe(true);
    }
  }
  expect([...defined].filter((name) => !used.has(name))).toEqual([]);
});

test('every panel has a unit, and a title and a description for the operator', () => {
  for (const panel of panels) {
    expect(panel.fieldConfig?.defaults?.unit, panel.title).toBeTruthy();
    expect(panel.title.trim(), String(panel.id)).not.toBe('');
    expect(panel.description?.trim(), panel.title).toBeTruthy();
  }
});

test('the panels fit the 24-column grid without overlapping, under their rows', () => {
  const all = allPanels(dashboard);
  expect(layoutProblems(all)).toEqual([]);
  expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  const rows = all.filter((p) => p.type === 'row');
  expect(rows.map((r) => r.title)).toEqual([
    'Shows',
    'Chat and tokens',
    'HTTP',
    'Webhooks and storage',
    'App instances',
    'LiveKit nodes',
  ]);
  for (const row of rows) expect(row.gridPos).toMatchObject({ x: 0, w: 24, h: 1 });
  // A row holds the panels below it down to the next row: none sits above its row.
  let current = -1;
  for (const panel of all) {
    if (panel.type === 'row') current = panel.gridPos.y;
    else expect(panel.gridPos.y, panel.title).toBeGreaterThan(current);
  }
});

describe('queries', () => {
  const exprs = targets.map(({ target }) => target.expr ?? '');

  test('read only the jobs the deployment’s Prometheus scrapes', () => {
    const jobs = [...read('deploy/prometheus/prometheus.yml').matchAll(/job_name:\s*(\S+)/g)].map(
      (m) => m[1],
    );
    expect(jobs).toEqual(['livekit', 'show-app']);
    const used = new Set(exprs.flatMap((e) => [...e.matchAll(/job="([^"]+)"/g)].map((m) => m[1])));
    expect([...used].sort()).toEqual(['livekit', 'show-app']);
  });

  test('read the per-show gauges with max by (room): several instances report them', () => {
    for (const expr of exprs) {
      for (const gauge of ['show_live', 'show_viewers', 'show_host_connections']) {
        if (new RegExp(`\\b${gauge}\\b`).test(expr)) {
          expect(expr).toContain(`max by (room) (${gauge}{room=~"$room"})`);
        }
      }
    }
  });

  test('take rates over $__rate_interval, as Grafana recommends for Prometheus', () => {
    for (const expr of exprs) {
      // Range selectors only: label_replace's regex has brackets of its own.
      for (const window of expr.matchAll(/[}\w]\[([^\]]+)\]/g)) {
        expect(window[1], expr).toBe('$__rate_interval');
      }
    }
  });
});
