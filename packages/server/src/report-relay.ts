// Viewer reports, aggregated on the server with @show/metrics' fleet aggregator and delivered to
// the host once per interval. The weights are the server's: every report counts as
// 1 / (the reporting probability for the server's own viewer count), never what a viewer claims.
import {
  createFleetAggregator,
  reportingProbability,
  type FleetAggregator,
  type FleetSummary,
  type ViewerReport,
} from '@show/metrics';
import { HOST_IDENTITY } from './identity';
import { encodePacket } from './wire';

export interface ReportRelayOptions {
  intervalMs: number;
  send(room: string, data: Uint8Array, destination: string): Promise<void>;
  onError?(error: unknown): void;
}

export interface ReportRelay {
  /** Adds a report for `room`, where the server counts `viewers` now. */
  ingest(room: string, report: ViewerReport, viewers: number, nowMs?: number): void;
  close(): void;
}

/** Nobody reported for this many intervals: stop the room's timer. */
const IDLE_INTERVALS = 3;

export function boundSummary(summary: FleetSummary, viewers: number): FleetSummary {
  const cap = Math.max(0, viewers);
  const scale =
    summary.viewersReporting > cap && summary.viewersReporting > 0
      ? cap / summary.viewersReporting
      : 1;
  if (scale === 1) return summary;
  const states = Object.fromEntries(
    Object.entries(summary.states).map(([state, n]) => [state, Number(n ?? 0) * scale]),
  ) as FleetSummary['states'];
  return {
    ...summary,
    viewersReporting: cap,
    egressBitrateBps:
      summary.egressBitrateBps === undefined ? undefined : summary.egressBitrateBps * scale,
    states,
  };
}

export function createReportRelay(options: ReportRelayOptions): ReportRelay {
  const rooms = new Map<
    string,
    {
      fleet: FleetAggregator;
      viewers: number;
      lastReportAt: number;
      timer: ReturnType<typeof setInterval>;
    }
  >();

  const tick = (room: string) => {
    const entry = rooms.get(room);
    if (!entry) return;
    const now = Date.now();
    if (now - entry.lastReportAt > IDLE_INTERVALS * options.intervalMs) {
      clearInterval(entry.timer);
      rooms.delete(room);
      return;
    }
    const summary = entry.fleet.summary(now);
    if (summary.reports === 0) return;
    const data = encodePacket([{ type: 'fleet', summary: boundSummary(summary, entry.viewers) }]);
    options.send(room, data, HOST_IDENTITY).catch((error: unknown) => options.onError?.(error));
  };

  return {
    ingest(room, report, viewers, nowMs = Date.now()) {
      let entry = rooms.get(room);
      if (!entry) {
        const timer = setInterval(() => tick(room), options.intervalMs);
        (timer as { unref?: () => void }).unref?.();
        entry = {
          fleet: createFleetAggregator({ epochMs: options.intervalMs }),
          viewers,
          lastReportAt: nowMs,
          timer,
        };
        rooms.set(room, entry);
      }
      entry.viewers = viewers;
      entry.lastReportAt = nowMs;
      const p = reportingProbability(Math.max(1, viewers), { intervalMs: options.intervalMs });
      entry.fleet.ingest({ ...report, p }, nowMs);
    },
    close() {
      for (const entry of rooms.values()) clearInterval(entry.timer);
      rooms.clear();
    },
  };
}
