// What Grafana does to a dashboard before querying, as the dashboard test and previewer mimic it.
import { describe, expect, test } from 'vitest';
import {
  allPanels,
  builtInVariables,
  gridHeight,
  interpolate,
  layoutProblems,
  panelBox,
  parseLabelValues,
  promRegexEscape,
  queryPanels,
  roundInterval,
  variableReferences,
  variableText,
  type Dashboard,
  type Panel,
  type TemplateVariable,
} from '../src/grafana-dashboard.mjs';

const panel = (id: number, x: number, y: number, w: number, h: number, type = 'timeseries') =>
  ({ id, type, title: `p${id}`, gridPos: { x, y, w, h }, targets: [] }) as Panel;

describe('variables', () => {
  test('finds $name, ${name}, ${name:format} and [[name]], each once', () => {
    expect(
      variableReferences(
        'a{room=~"$room", x="${node}", y="${node:regex}"}[$__rate_interval] [[old]]',
      ),
    ).toEqual(['room', 'node', '__rate_interval', 'old']);
  });

  test('substitutes known variables and leaves the rest (label_replace’s ${1}) alone', () => {
    expect(
      interpolate(
        'label_replace(rate(x{i=~"$instance"}[$__rate_interval]), "c", "${1}xx", "s", "(.).."), $missing',
        {
          instance: '.+',
          __rate_interval: '4s',
        },
      ),
    ).toBe('label_replace(rate(x{i=~".+"}[4s]), "c", "${1}xx", "s", "(.).."), $missing');
  });

  test('formats values as Grafana’s Prometheus data source: regex-escaped, (a|b), allValue', () => {
    const multi: TemplateVariable = { name: 'node', type: 'query', multi: true, includeAll: true };
    expect(promRegexEscape('127.0.0.1:7881')).toBe('127\\\\.0\\\\.0\\\\.1:7881');
    expect(variableText(multi, ['a.b'])).toBe('a\\\\.b');
    expect(variableText(multi, ['a', 'b'])).toBe('(a|b)');
    expect(variableText(multi, 'all', ['a', 'b'])).toBe('(a|b)');
    expect(variableText({ ...multi, allValue: '.+' }, 'all', ['a', 'b'])).toBe('.+');
    expect(variableText({ name: 'one', type: 'custom' }, ['it.s'])).toBe('it.s');
  });

  test('reads label_values() queries, with or without a selector', () => {
    expect(parseLabelValues('label_values(up{job="livekit"}, instance)')).toEqual({
      label: 'instance',
      match: 'up{job="livekit"}',
    });
    expect(parseLabelValues('label_values(room)')).toEqual({ label: 'room' });
    expect(parseLabelValues('query_result(up)')).toBeUndefined();
  });
});

describe('intervals', () => {
  test('rounds as Grafana does', () => {
    expect(roundInterval(650)).toBe(500);
    expect(roundInterval(13_000)).toBe(15_000);
    expect(roundInterval(100_000)).toBe(120_000);
  });

  test('$__rate_interval is max($__interval + scrape, 4 × scrape)', () => {
    // 1 h over 400 points: 9 s, rounded to 10 s; with a 15 s scrape interval, at least 15 s.
    const hour = builtInVariables({
      rangeSeconds: 3600,
      maxDataPoints: 400,
      scrapeIntervalSeconds: 15,
    });
    expect(hour.values).toMatchObject({
      __interval: '15s',
      __rate_interval: '60s',
      __range: '3600s',
    });
    const day = builtInVariables({
      rangeSeconds: 86_400,
      maxDataPoints: 400,
      scrapeIntervalSeconds: 15,
    });
    expect(day.values).toMatchObject({ __interval: '300s', __rate_interval: '315s' });
    const short = builtInVariables({
      rangeSeconds: 300,
      maxDataPoints: 460,
      scrapeIntervalSeconds: 1,
    });
    expect(short.values).toMatchObject({ __interval: '1s', __rate_interval: '4s' });
  });
});

describe('layout', () => {
  test('a gridPos becomes Grafana’s pixel box (24 columns, 30 px rows, 8 px gaps)', () => {
    // 24 columns of 50 px with 23 gaps of 8 px: 1384 px.
    expect(panelBox({ x: 0, y: 0, w: 24, h: 1 }, 1384)).toEqual({
      left: 0,
      top: 0,
      width: 1384,
      height: 30,
    });
    expect(panelBox({ x: 12, y: 5, w: 6, h: 7 }, 1384)).toEqual({
      left: 696,
      top: 190,
      width: 340,
      height: 258,
    });
    expect(gridHeight([panel(1, 0, 0, 24, 1), panel(2, 0, 1, 12, 7)])).toBe(296);
  });

  test('finds overlaps and panels past the grid, and nothing in a sound layout', () => {
    expect(
      layoutProblems([panel(1, 0, 0, 12, 4), panel(2, 12, 0, 12, 4), panel(3, 0, 4, 24, 1)]),
    ).toEqual([]);
    expect(layoutProblems([panel(1, 0, 0, 12, 4), panel(2, 11, 3, 6, 4)])).toEqual([
      '"p1" (id 1) overlaps "p2" (id 2)',
    ]);
    expect(layoutProblems([panel(1, 20, 0, 6, 4)])).toEqual([
      '"p1" (id 1) is outside the grid: {"x":20,"y":0,"w":6,"h":4}',
    ]);
  });

  test('a collapsed row’s panels count; rows do not query', () => {
    const dashboard = {
      panels: [
        panel(1, 0, 0, 24, 1, 'row'),
        { ...panel(2, 0, 1, 24, 1, 'row'), panels: [panel(3, 0, 2, 8, 4)] },
      ],
    } as Dashboard;
    expect(allPanels(dashboard).map((p) => p.id)).toEqual([1, 2, 3]);
    expect(queryPanels(dashboard).map((p) => p.id)).toEqual([3]);
  });
});
