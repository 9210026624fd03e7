// A small client of Prometheus's HTTP API (/api/v1): queries, label values and scrape targets.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One series of an answer: an instant query's `value`, or a range query's `values`.
 * @typedef {object} PrometheusSeries
 * @property {Record<string, string>} metric
 * @property {[number, string]} [value]
 * @property {Array<[number, string]>} [values]
 */

/**
 * What the API answers, successful or not (a query that does not parse is `status: 'error'`).
 * @typedef {object} PrometheusAnswer
 * @property {'success' | 'error'} status
 * @property {string} [errorType]
 * @property {string} [error]
 * @property {string[]} [warnings]
 * @property {{ resultType: string, result: PrometheusSeries[] }} [data]
 */

/**
 * @typedef {object} ScrapeTarget
 * @property {Record<string, string>} labels `job` and `instance` among them
 * @property {string} scrapeUrl
 * @property {'up' | 'down' | 'unknown'} health
 * @property {string} lastError
 */

/**
 * GETs an API path with `params` and returns its JSON, whatever the status code (errors are
 * answers too: 400 for a query that does not parse, 422 for one that cannot be evaluated).
 * @param {string} url Prometheus's base URL
 * @param {string} path e.g. `/api/v1/query`
 * @param {Record<string, string | string[]>} params
 */
async function get(url, path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, one);
  }
  const response = await fetch(`${url}${path}?${search}`, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  try {
    return /** @type {unknown} */ (JSON.parse(text));
  } catch {
    throw new Error(`GET ${path} answered ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
}

/**
 * `/api/v1/query`: an instant query, at `time` (seconds; default now).
 * @param {string} url
 * @param {string} expr
 * @param {{ time?: number }} [options]
 * @returns {Promise<PrometheusAnswer>}
 */
export async function query(url, expr, { time } = {}) {
  return /** @type {PrometheusAnswer} */ (
    await get(url, '/api/v1/query', { query: expr, ...(time !== undefined && { time: `${time}` }) })
  );
}

/**
 * `/api/v1/query_range`: from `start` to `end` (seconds) every `step` seconds.
 * @param {string} url
 * @param {string} expr
 * @param {{ start: number, end: number, step: number }} range
 * @returns {Promise<PrometheusAnswer>}
 */
export async function queryRange(url, expr, { start, end, step }) {
  return /** @type {PrometheusAnswer} */ (
    await get(url, '/api/v1/query_range', {
      query: expr,
      start: `${start}`,
      end: `${end}`,
      step: `${step}`,
    })
  );
}

/**
 * `/api/v1/label/<label>/values` of the series `match` selects: what Grafana asks for a
 * `label_values(match, label)` variable.
 * @param {string} url
 * @param {string} label
 * @param {string} [match]
 * @returns {Promise<string[]>}
 */
export async function labelValues(url, label, match) {
  const answer = /** @type {{ status: string, data?: string[], error?: string }} */ (
    await get(url, `/api/v1/label/${encodeURIComponent(label)}/values`, {
      ...(match !== undefined && { 'match[]': match }),
    })
  );
  if (answer.status !== 'success') throw new Error(`label values of ${label}: ${answer.error}`);
  return answer.data ?? [];
}

/**
 * The active scrape targets and how their last scrape went.
 * @param {string} url
 * @returns {Promise<ScrapeTarget[]>}
 */
export async function scrapeTargets(url) {
  const answer = /** @type {{ data?: { activeTargets?: ScrapeTarget[] } }} */ (
    await get(url, '/api/v1/targets', { state: 'active' })
  );
  return answer.data?.activeTargets ?? [];
}

/**
 * Waits until every target has been scraped successfully, or fails naming those that were not.
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 */
export async function waitForTargets(url, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const targets = await scrapeTargets(url);
    const down = targets.filter((target) => target.health !== 'up');
    if (targets.length > 0 && down.length === 0) return targets;
    if (Date.now() > deadline) {
      const names = down.map((t) => `${t.scrapeUrl} (${t.health}: ${t.lastError || 'no scrape'})`);
      throw new Error(`Prometheus targets not up in time: ${names.join(', ') || 'none'}`);
    }
    await sleep(250);
  }
}
