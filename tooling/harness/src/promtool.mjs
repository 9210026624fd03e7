import { ensureAptPackages } from './apt.mjs';
import { logToStderr } from './run.mjs';
import { which } from './which.mjs';

/**
 * Prometheus's promtool (Debian's `prometheus` package), for checking and unit-testing the alert
 * rules in deploy/prometheus. Installed with apt on first use (as root).
 * @returns {Promise<string>} its path
 */
export async function ensurePromtool() {
  const found = which('promtool');
  if (found) return found;
  await ensureAptPackages(['prometheus'], {
    why: 'the alert rules tests (promtool)',
    log: logToStderr,
  });
  const installed = which('promtool');
  if (!installed) throw new Error('apt-get installed prometheus but promtool is not on the PATH.');
  return installed;
}
