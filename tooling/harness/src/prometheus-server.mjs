// A real Prometheus (Debian's package, installed on first use) on a free loopback port for one run,
// scraping the jobs it is given, its data in a throwaway folder under .run/, tied to this process.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAptCommand } from './apt.mjs';
import { ensureDir, runDir } from './paths.mjs';
import { freeTcpPort } from './ports.mjs';
import { spawnTied, stopTied } from './tied-process.mjs';
import { waitFor } from './wait-for.mjs';

/**
 * @typedef {object} ScrapeJob
 * @property {string} job its `job_name`: the deployment's are `livekit` and `show-app`
 *   (deploy/prometheus/prometheus.yml)
 * @property {string[]} targets `host:port` each
 * @property {string} [metricsPath] default `/metrics`
 * @property {string} [bearerToken] sent as `Authorization: Bearer …`, from a file beside the
 *   config, as the deployment's `credentials_file`
 */

/**
 * @typedef {object} StartedPrometheus
 * @property {string} url `http://127.0.0.1:<port>`: the HTTP API is under `/api/v1`
 * @property {number} port
 * @property {number} scrapeIntervalSeconds
 * @property {string} configFile
 * @property {string} logFile
 * @property {() => Promise<void>} stop stops it and deletes its data
 */

/**
 * Debian's `prometheus` (the server; promtool comes with it), installed with apt on first use.
 * @returns {Promise<string>} its path
 */
export function ensurePrometheus() {
  return ensureAptCommand('prometheus', 'prometheus', 'the dashboard tests (a real Prometheus)');
}

/**
 * The configuration Prometheus reads, as JSON (which is YAML too).
 * @param {{ jobs: ScrapeJob[], scrapeIntervalSeconds: number, tokenFile: (job: ScrapeJob) => string }} options
 */
export function prometheusConfig({ jobs, scrapeIntervalSeconds, tokenFile }) {
  const interval = `${scrapeIntervalSeconds}s`;
  return {
    // A scrape may not outlast its interval: the timeout is the interval.
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    scrape_configs: jobs.map((job) => ({
      job_name: job.job,
      metrics_path: job.metricsPath ?? '/metrics',
      ...(job.bearerToken !== undefined && {
        authorization: { type: 'Bearer', credentials_file: tokenFile(job) },
      }),
      static_configs: [{ targets: job.targets }],
    })),
  };
}

/**
 * Starts Prometheus scraping `jobs` every `scrapeIntervalSeconds` (default 1), and resolves once it
 * is ready to answer queries (its targets are scraped from then on: see `waitForTargets`).
 * @param {{ jobs: ScrapeJob[], scrapeIntervalSeconds?: number, name?: string }} options
 * @returns {Promise<StartedPrometheus>}
 */
export async function startPrometheus({ jobs, scrapeIntervalSeconds = 1, name = 'test' }) {
  const binary = await ensurePrometheus();
  const port = /** @type {number} */ (await freeTcpPort());
  const stem = `prometheus-${name}-${process.pid}-${port}`;
  const folder = join(ensureDir(runDir), stem);
  const dataDir = join(folder, 'data');
  ensureDir(dataDir);
  const tokenFile = (/** @type {ScrapeJob} */ job) => join(folder, `${job.job}.token`);
  for (const job of jobs) {
    if (job.bearerToken !== undefined) {
      writeFileSync(tokenFile(job), job.bearerToken, { mode: 0o600 });
    }
  }
  const configFile = join(folder, 'prometheus.yml');
  writeFileSync(
    configFile,
    `${JSON.stringify(prometheusConfig({ jobs, scrapeIntervalSeconds, tokenFile }), null, 2)}\n`,
  );
  const logFile = join(runDir, `${stem}.log`);
  writeFileSync(logFile, '');
  const child = spawnTied(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { logFile },
  );
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => {
    try {
      const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  };
  await waitFor('Prometheus', ready, child, logFile);
  return {
    url,
    port,
    scrapeIntervalSeconds,
    configFile,
    logFile,
    async stop() {
      await stopTied(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
