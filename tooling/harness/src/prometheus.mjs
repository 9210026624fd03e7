/**
 * Sums every sample of `metric` whose labels include all of `labels`, from Prometheus text.
 * A small reader for harness checks; `@show/metrics` has the full parser.
 * @param {string} text
 * @param {string} metric
 * @param {Record<string, string>} [labels]
 */
export function sumMetric(text, metric, labels = {}) {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    const wanted = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    );
    if (!wanted) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) total += value;
  }
  return total;
}

/** @param {string} url */
export async function scrape(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}
