import {
  createQuantileSketch,
  type QuantileSketch,
  type QuantileSketchOptions,
} from './quantile-sketch';
import type { ConnectionState } from './sources';
import type { ViewerReport } from './viewer-report';

const FIGURES = {
  bitrateBps: { field: 'bps', sketch: { minValue: 1, maxValue: 1e10 } },
  lossRatio: { field: 'loss', sketch: { minValue: 1e-5, maxValue: 1 } },
  rttMs: { field: 'rtt', sketch: { minValue: 0.01, maxValue: 1e6 } },
  jitterMs: { field: 'jit', sketch: { minValue: 0.01, maxValue: 1e6 } },
  fps: { field: 'fps', sketch: { minValue: 0.01, maxValue: 1e4 } },
} as const satisfies Record<string, { field: keyof ViewerReport; sketch: QuantileSketchOptions }>;

type FigureName = keyof typeof FIGURES;

export interface Percentiles {
  p50: number | undefined;
  p95: number | undefined;
  p99: number | undefined;
}

/** The audience as the host sees it, from the reports of the last few epochs. */
export interface FleetSummary {
  /** Reports counted (the raw number, before scaling for sampling). */
  reports: number;
  /** Viewers reporting, scaled by 1/p for sampling: a mean per epoch. */
  viewersReporting: number;
  /** The sum of viewers' download bitrates (scaled for sampling): the SFU's egress to them. */
  egressBitrateBps: number | undefined;
  bitrateBps: Percentiles;
  lossRatio: Percentiles;
  rttMs: Percentiles;
  jitterMs: Percentiles;
  fps: Percentiles;
  /** Viewers by connection state, scaled for sampling. */
  states: Partial<Record<ConnectionState, number>>;
}

export interface FleetAggregator {
  /** O(1): adds one validated report to the epoch it arrived in. */
  ingest(report: ViewerReport, receivedAtMs?: number): void;
  /** Over the last complete epochs; cached until a new epoch completes. */
  summary(nowMs?: number): FleetSummary;
}

export interface FleetAggregatorOptions {
  /** The viewers' report interval; default 5000 ms. */
  epochMs?: number;
  /** Complete epochs the summary covers; default 2. */
  epochs?: number;
}

interface Epoch {
  id: number;
  reports: number;
  weight: number;
  egress: number;
  egressWeight: number;
  states: Map<ConnectionState, number>;
  sketches: Record<FigureName, QuantileSketch>;
}

/**
 * Merges viewer reports into fleet figures in memory that does not grow with the audience: a
 * ring of `epochs + 1` epochs, each holding one quantile sketch per figure and a few sums.
 */
export function createFleetAggregator({
  epochMs = 5000,
  epochs = 2,
}: FleetAggregatorOptions = {}): FleetAggregator {
  const ring: Epoch[] = Array.from({ length: epochs + 1 }, () => newEpoch(-1));
  let cache: { newestComplete: number; summary: FleetSummary } | undefined;

  function epochFor(id: number): Epoch | undefined {
    const slot = ring[((id % ring.length) + ring.length) % ring.length] as Epoch;
    if (slot.id === id) return slot;
    if (slot.id > id) return undefined; // a report from an epoch already overwritten
    reset(slot, id);
    return slot;
  }

  return {
    ingest(report, receivedAtMs = Date.now()) {
      const epoch = epochFor(Math.floor(receivedAtMs / epochMs));
      if (!epoch) return;
      const weight = 1 / report.p;
      epoch.reports++;
      epoch.weight += weight;
      if (report.bps !== null) {
        epoch.egress += report.bps * weight;
        epoch.egressWeight += weight;
      }
      if (report.st) epoch.states.set(report.st, (epoch.states.get(report.st) ?? 0) + weight);
      for (const name of Object.keys(FIGURES) as FigureName[]) {
        const value = report[FIGURES[name].field];
        if (typeof value === 'number') epoch.sketches[name].add(value);
      }
    },

    summary(nowMs = Date.now()) {
      const newestComplete = Math.floor(nowMs / epochMs) - 1;
      if (cache?.newestComplete === newestComplete) return cache.summary;
      const complete = ring.filter((e) => e.id <= newestComplete && e.id > newestComplete - epochs);
      const merged = newEpoch(newestComplete);
      for (const epoch of complete) {
        merged.reports += epoch.reports;
        merged.weight += epoch.weight;
        merged.egress += epoch.egress;
        merged.egressWeight += epoch.egressWeight;
        for (const [state, n] of epoch.states)
          merged.states.set(state, (merged.states.get(state) ?? 0) + n);
        for (const name of Object.keys(FIGURES) as FigureName[])
          merged.sketches[name].merge(epoch.sketches[name]);
      }
      const perEpoch = (n: number) => (complete.length === 0 ? 0 : n / complete.length);
      const summary: FleetSummary = {
        reports: merged.reports,
        viewersReporting: Math.round(perEpoch(merged.weight)),
        egressBitrateBps: merged.egressWeight > 0 ? perEpoch(merged.egress) : undefined,
        bitrateBps: percentiles(merged.sketches.bitrateBps),
        lossRatio: percentiles(merged.sketches.lossRatio),
        rttMs: percentiles(merged.sketches.rttMs),
        jitterMs: percentiles(merged.sketches.jitterMs),
        fps: percentiles(merged.sketches.fps),
        states: Object.fromEntries(
          [...merged.states].map(([state, n]) => [state, Math.round(perEpoch(n))]),
        ),
      };
      cache = { newestComplete, summary };
      return summary;
    },
  };
}

function newEpoch(id: number): Epoch {
  const sketches = {} as Record<FigureName, QuantileSketch>;
  for (const name of Object.keys(FIGURES) as FigureName[])
    sketches[name] = createQuantileSketch(FIGURES[name].sketch);
  return { id, reports: 0, weight: 0, egress: 0, egressWeight: 0, states: new Map(), sketches };
}

function reset(epoch: Epoch, id: number) {
  epoch.id = id;
  epoch.reports = 0;
  epoch.weight = 0;
  epoch.egress = 0;
  epoch.egressWeight = 0;
  epoch.states.clear();
  for (const sketch of Object.values(epoch.sketches)) sketch.clear();
}

function percentiles(sketch: QuantileSketch): Percentiles {
  return { p50: sketch.quantile(0.5), p95: sketch.quantile(0.95), p99: sketch.quantile(0.99) };
}
