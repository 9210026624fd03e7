import { describe, expect, test } from 'vitest';
import { createFleetAggregator } from './fleet';
import type { ViewerReport } from './viewer-report';

const report = (fields: Partial<ViewerReport>): ViewerReport => ({
  v: 1,
  t: 0,
  p: 1,
  bps: null,
  loss: null,
  rtt: null,
  jit: null,
  fps: null,
  w: null,
  h: null,
  st: 'connected',
  ...fields,
});

describe('createFleetAggregator', () => {
  test('percentiles, totals and states over the complete epochs', () => {
    const fleet = createFleetAggregator({ epochMs: 5000, epochs: 2 });
    // Epochs 0 and 1 (0–10 s): 100 viewers each, bitrates 10 kbps … 1 Mbps, one in twenty losing
    // 20 % of packets, one reconnecting.
    for (const epochStart of [0, 5000]) {
      for (let i = 1; i <= 100; i++) {
        fleet.ingest(
          report({
            bps: i * 10_000,
            loss: i % 20 === 0 ? 0.2 : 0,
            rtt: i,
            fps: 20,
            st: i === 1 ? 'reconnecting' : 'connected',
          }),
          epochStart + i,
        );
      }
    }
    const summary = fleet.summary(10_001);
    expect(summary.reports).toBe(200);
    expect(summary.viewersReporting).toBe(100);
    expect(summary.egressBitrateBps).toBe(50_500_000); // Σ i × 10 kbps for i = 1…100
    expect(summary.bitrateBps.p50).toBeCloseTo(500_000, -4);
    expect(Math.abs((summary.bitrateBps.p95 as number) / 950_000 - 1)).toBeLessThan(0.011);
    expect(summary.lossRatio.p50).toBe(0);
    expect(summary.lossRatio.p95).toBe(0); // 5 % of viewers lose: the 95th percentile does not
    expect(summary.lossRatio.p99).toBeCloseTo(0.2, 2);
    expect(summary.fps.p95).toBeCloseTo(20, 0);
    expect(summary.states).toEqual({ connected: 99, reconnecting: 1 });
  });

  test('sampled reports are scaled back to the audience', () => {
    const fleet = createFleetAggregator({ epochMs: 5000, epochs: 1 });
    for (let i = 0; i < 1000; i++) fleet.ingest(report({ p: 0.1, bps: 1_000_000 }), 100 + i);
    const summary = fleet.summary(5000);
    expect(summary.reports).toBe(1000);
    expect(summary.viewersReporting).toBe(10_000);
    expect(summary.egressBitrateBps).toBeCloseTo(10_000 * 1_000_000, -3);
  });

  test('old epochs fall out, and a late report for an overwritten epoch is dropped', () => {
    const fleet = createFleetAggregator({ epochMs: 1000, epochs: 1 });
    fleet.ingest(report({ bps: 1 }), 500);
    expect(fleet.summary(1000).reports).toBe(1);
    expect(fleet.summary(5000).reports).toBe(0);
    fleet.ingest(report({ bps: 2 }), 9500);
    fleet.ingest(report({ bps: 3 }), 500); // epoch 0 is long gone
    expect(fleet.summary(10_000).reports).toBe(1);
    expect(fleet.summary(10_000).egressBitrateBps).toBe(2);
  });

  test('an empty fleet has unknown figures, not zeros', () => {
    const summary = createFleetAggregator().summary(60_000);
    expect(summary).toMatchObject({ reports: 0, viewersReporting: 0, egressBitrateBps: undefined });
    expect(summary.bitrateBps).toEqual({ p50: undefined, p95: undefined, p99: undefined });
  });
});
