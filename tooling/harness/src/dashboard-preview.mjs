// The dashboard previewer: Grafana is not installable here, so this reads the dashboard's JSON,
// asks a running Prometheus `query_range` for each panel's queries as Grafana would (variables set
// to All, $__interval and $__rate_interval from the panel's width), draws the panels at their
// gridPos in a plain HTML page and screenshots it with the harness's Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { dashboardPage } from './dashboard-page.mjs';
import {
  allPanels,
  builtInVariables,
  interpolate,
  panelBox,
  parseLabelValues,
  queryPanels,
  variableQuery,
  variableText,
} from './grafana-dashboard.mjs';
import { legendName, samples } from './panel-drawing.mjs';
import { ensureDir, repoRoot, runDir } from './paths.mjs';
import { labelValues, queryRange } from './prometheus-api.mjs';
import { logToStderr } from './run.mjs';

/** The dashboard the project ships. */
export const DASHBOARD_FILE = join(repoRoot, 'deploy/grafana/show-dashboard.json');

/**
 * @typedef {object} PreviewOptions
 * @property {string} prometheusUrl a running Prometheus that scrapes the jobs `livekit` and `show-app`
 * @property {string} output where the PNG goes
 * @property {number} start first second shown (Unix time)
 * @property {number} end last second shown
 * @property {number} [scrapeIntervalSeconds] the data source's scrape interval, for $__interval and
 *   $__rate_interval (Grafana's default: 15)
 * @property {string} [dashboardFile]
 * @property {number} [width] the grid's width in px (the picture is 32 px wider)
 * @property {(line: string) => void} [log]
 */

/**
 * Draws the dashboard from Prometheus's data between `start` and `end` into `output`.
 * @param {PreviewOptions} options
 * @returns {Promise<{ output: string, html: string, empty: string[] }>} `empty`: panels that had no
 *   data (or an error), by title
 */
export async function previewDashboard({
  prometheusUrl,
  output,
  start,
  end,
  scrapeIntervalSeconds = 15,
  dashboardFile = DASHBOARD_FILE,
  width = 1368,
  log = logToStderr,
}) {
  const dashboard = /** @type {import('./grafana-dashboard.mjs').Dashboard} */ (
    JSON.parse(readFileSync(dashboardFile, 'utf8'))
  );

  // Every variable at All, as the dashboard opens; the bar shows how many values each found.
  /** @type {Record<string, string>} */
  const values = {};
  /** @type {Array<{ label: string, text: string }>} */
  const bar = [];
  for (const variable of dashboard.templating.list) {
    const label = variable.label ?? variable.name;
    if (variable.type === 'datasource') {
      bar.push({ label, text: 'Prometheus' });
      continue;
    }
    const asked = parseLabelValues(variableQuery(variable));
    const options = asked ? await labelValues(prometheusUrl, asked.label, asked.match) : [];
    values[variable.name] = variableText(variable, 'all', options);
    bar.push({ label, text: options.length === 1 ? `${options[0]}` : `All (${options.length})` });
  }

  /** @type {Map<number, import('./dashboard-page.mjs').PanelData>} */
  const data = new Map();
  /** @type {string[]} */
  const empty = [];
  for (const panel of queryPanels(dashboard)) {
    const box = panelBox(panel.gridPos, width);
    const builtIn = builtInVariables({
      rangeSeconds: end - start,
      maxDataPoints: box.width,
      scrapeIntervalSeconds,
    });
    const step = builtIn.intervalSeconds;
    /** @type {import('./dashboard-page.mjs').PanelData} */
    const drawn = { series: [], step };
    for (const target of panel.targets ?? []) {
      const expr = interpolate(target.expr ?? '', { ...values, ...builtIn.values });
      // Grafana aligns a range query's start and end to its step.
      const answer = await queryRange(prometheusUrl, expr, {
        start: Math.floor(start / step) * step,
        end: Math.ceil(end / step) * step,
        step,
      });
      if (answer.status !== 'success') {
        drawn.error = `${answer.errorType}: ${answer.error}`;
        continue;
      }
      for (const series of answer.data?.result ?? []) {
        drawn.series.push({
          name: legendName(target.legendFormat, series.metric),
          points: samples(series.values ?? []),
        });
      }
    }
    if (drawn.error || drawn.series.every((s) => s.points.length === 0)) empty.push(panel.title);
    data.set(panel.id, drawn);
  }

  const html = dashboardPage({
    dashboard,
    panels: allPanels(dashboard),
    data,
    width,
    start,
    end,
    variables: bar,
    note: `A preview of <code>deploy/grafana/show-dashboard.json</code> drawn from real Prometheus data (${Math.round((end - start) / 60)} minutes, ${new Date(start * 1000).toISOString().slice(0, 16).replace('T', ' ')}–${new Date(end * 1000).toISOString().slice(11, 16)} UTC) by <code>show-harness dashboard-preview</code>, not Grafana.`,
  });
  const htmlFile = join(ensureDir(runDir), `dashboard-preview-${process.pid}.html`);
  writeFileSync(htmlFile, html);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: width + 32, height: 900 } });
    await page.setContent(html);
    await page.screenshot({ path: output, fullPage: true });
  } finally {
    await browser.close();
  }
  log(`dashboard-preview: ${output} (page ${htmlFile})`);
  if (empty.length > 0) log(`dashboard-preview: no data in ${empty.join(', ')}`);
  return { output, html: htmlFile, empty };
}
