// The alert rules the project ships (deploy/prometheus), checked and unit-tested with Prometheus's
// own promtool (Debian's prometheus package, installed on first use).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { ensurePromtool } from '../src/promtool.mjs';
import { run } from '../src/run.mjs';

const folder = fileURLToPath(new URL('../../../deploy/prometheus/', import.meta.url));
let promtool: string;

beforeAll(async () => {
  promtool = await ensurePromtool();
}, 300_000);

test('the alert rules are valid and every alert fires (and stays quiet) as its tests say', async () => {
  const check = await run(promtool, ['check', 'rules', 'alerts.yml'], { cwd: folder });
  expect(check.text).toContain('SUCCESS: 9 rules found');
  const tested = await run(promtool, ['test', 'rules', 'alerts.test.yml'], { cwd: folder });
  expect(tested.text, tested.text).toContain('SUCCESS');
  expect(tested.code).toBe(0);
});

test('the Prometheus config that scrapes LiveKit and the app is valid', async () => {
  // Its bearer-token file is the deployment's (/etc/prometheus/show-metrics-token): a copy of the
  // config points at one made here.
  const here = mkdtempSync(join(tmpdir(), 'show-prometheus-'));
  try {
    writeFileSync(join(here, 'token'), 'a-metrics-token-for-the-check');
    const config = readFileSync(join(folder, 'prometheus.yml'), 'utf8');
    expect(config).toContain('/etc/prometheus/show-metrics-token');
    writeFileSync(
      join(here, 'prometheus.yml'),
      config.replace('/etc/prometheus/show-metrics-token', join(here, 'token')),
    );
    copyFileSync(join(folder, 'alerts.yml'), join(here, 'alerts.yml'));
    const check = await run(promtool, ['check', 'config', 'prometheus.yml'], { cwd: here });
    expect(check.text, check.text).toContain(
      'SUCCESS: prometheus.yml is valid prometheus config file syntax',
    );
    expect(check.text).toContain('SUCCESS: 9 rules found');
  } finally {
    rmSync(here, { recursive: true, force: true });
  }
});
