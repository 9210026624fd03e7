import { ensureAptCommand } from './apt.mjs';

/**
 * Prometheus's promtool (Debian's `prometheus` package), for checking and unit-testing the alert
 * rules in deploy/prometheus. Installed with apt on first use (as root).
 * @returns {Promise<string>} its path
 */
export function ensurePromtool() {
  return ensureAptCommand('promtool', 'prometheus', 'the alert rules tests (promtool)');
}
