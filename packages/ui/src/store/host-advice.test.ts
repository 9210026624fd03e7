import type { ActiveAlert, FleetSummary } from '@show/metrics';
import { expect, test } from 'vitest';
import { hostAdvice } from './host-advice';

const alert = (id: string, severity: ActiveAlert['severity'] = 'warning'): ActiveAlert => ({
  id,
  severity,
  message: `the ${id} rule`,
  sinceMs: 0,
});

const spread = (p50: number | undefined) => ({ p50, p95: p50, p99: p50 });
function fleet(loss: number | undefined, fps: number | undefined, reports = 40): FleetSummary {
  return {
    reports,
    viewersReporting: reports,
    egressBitrateBps: 40e6,
    bitrateBps: spread(1e6),
    lossRatio: spread(loss),
    rttMs: spread(40),
    jitterMs: spread(5),
    fps: spread(fps),
    states: { connected: reports },
  };
}

test('before any figure: measuring; with figures and nothing wrong: healthy', () => {
  expect(hostAdvice(false, [])).toEqual({ topic: 'measuring', severity: 'unknown' });
  expect(hostAdvice(true, [], fleet(0, 30))).toEqual({ topic: 'healthy', severity: 'ok' });
});

test("the host's own problems, worst first: a dropped connection, a collapsed upload, a lossy one", () => {
  const all = [alert('high-rtt'), alert('upload-loss'), alert('upload-collapse', 'critical')];
  expect(hostAdvice(true, all).topic).toBe('upload-dropped');
  expect(hostAdvice(true, [...all, alert('reconnecting', 'critical')])).toEqual({
    topic: 'reconnecting',
    severity: 'critical',
  });
  expect(hostAdvice(true, [alert('high-rtt'), alert('upload-loss')]).topic).toBe('weak-upload');
  expect(hostAdvice(true, [alert('high-rtt')])).toEqual({
    topic: 'slow-network',
    severity: 'warning',
  });
});

test("the host's upload comes before what viewers report: it is the one the host can fix", () => {
  expect(hostAdvice(true, [alert('upload-loss')], fleet(0.2, 5)).topic).toBe('weak-upload');
});

test('viewers struggling: the median viewer loses over 5 % or sees under 10 fps', () => {
  expect(hostAdvice(true, [], fleet(0.08, 30))).toEqual({
    topic: 'viewers-struggling',
    severity: 'warning',
  });
  expect(hostAdvice(true, [], fleet(0.01, 6)).topic).toBe('viewers-struggling');
  expect(hostAdvice(true, [], fleet(0.05, 10)).topic).toBe('healthy');
  // No reports: nothing is known about the viewers.
  expect(hostAdvice(true, [], fleet(0.5, 1, 0)).topic).toBe('healthy');
  expect(hostAdvice(true, [], fleet(undefined, undefined)).topic).toBe('healthy');
});

test("an app's own rule is shown in its own words", () => {
  expect(hostAdvice(true, [alert('studio-too-dark')])).toEqual({
    topic: 'other',
    severity: 'warning',
    message: 'the studio-too-dark rule',
  });
});
