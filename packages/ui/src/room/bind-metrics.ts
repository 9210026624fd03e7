// Measures this page's connection with @show/metrics and puts the figures in the store. On the
// host's page: ingress, alerts, and the audience's figures from viewers' reports. On a viewer's
// page: sends a report to the host every few seconds, sampled so a big audience stays cheap.
import {
  createAlertMonitor,
  createFleetAggregator,
  createStatsCollector,
  fromLiveKitRoom,
  parseViewerReport,
  reportingProbability,
  toViewerReport,
  type ActiveAlert,
  type AlertRule,
  type CollectedSample,
} from '@show/metrics';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { VIEWER_REPORT_TOPIC } from '../store/protocol';
import { onTopics } from './data-topic';
import type { ShowServerClient } from './server-client';
import { pushHistory, type ShowStore } from '../store/show-store';

export interface BindMetricsOptions {
  /** Default 1000 ms. */
  intervalMs?: number;
  /** How often a viewer reports; default 5000 ms. */
  reportIntervalMs?: number;
  alertRules?: readonly AlertRule[];
  random?: () => number;
  /**
   * The show's server: viewers report to it (it weighs and sums them) and the host's audience
   * figures are the summary it sends, not reports from viewers' pages.
   */
  server?: Pick<ShowServerClient, 'report'>;
}

const decoder = new TextDecoder();

/** Same alerts as before: keep the old array, so panels that show alerts skip this tick's render. */
function sameAlerts(a: readonly ActiveAlert[], b: readonly ActiveAlert[]): boolean {
  return (
    a.length === b.length && a.every((x, i) => x.id === b[i]?.id && x.sinceMs === b[i]?.sinceMs)
  );
}
const encoder = new TextEncoder();

/**
 * Measures from one interval after the room connects; returns a function that stops it and removes
 * its listeners.
 */
export function bindMetrics(room: Room, store: ShowStore, options: BindMetricsOptions = {}) {
  const { intervalMs = 1000, reportIntervalMs = 5000, random = Math.random, server } = options;
  const alerts = createAlertMonitor(options.alertRules);
  const fleet = createFleetAggregator({ epochMs: reportIntervalMs });
  const source = fromLiveKitRoom(room);
  let lastReportAt = 0;

  const isHost = () => store.getState().self?.role === 'host';

  const onSample = (collected: CollectedSample) => {
    const { metrics, host, audience } = store.getState();
    if (isHost()) {
      alerts.update(collected);
      const active = alerts.active();
      const local = fleet.summary(collected.sample.timestampMs);
      // Through a server, the summary it last sent (bindRoom keeps it in the store).
      const summary = server ? metrics.fleet : local.reports > 0 ? local : undefined;
      store.setState({
        metrics: {
          latest: collected,
          alerts: sameAlerts(metrics.alerts, active) ? metrics.alerts : active,
          fleet: summary,
          ingressBps: pushHistory(metrics.ingressBps, collected.sample.upload.bitrateBps),
          egressBps: pushHistory(metrics.egressBps, summary?.egressBitrateBps),
        },
      });
      return;
    }
    store.setState({ metrics: { ...metrics, latest: collected } });
    const now = collected.sample.timestampMs;
    if (!host || host.identity === room.localParticipant.identity) return;
    if (now - lastReportAt < reportIntervalMs) return;
    lastReportAt = now;
    const probability = reportingProbability(audience + 1, { intervalMs: reportIntervalMs });
    if (random() >= probability) return;
    const report = toViewerReport(collected.sample, collected.state, probability);
    if (server) {
      server.report(room.localParticipant.identity, report).catch(() => {
        // A lost report only thins the sample.
      });
      return;
    }
    room.localParticipant
      .publishData(encoder.encode(JSON.stringify(report)), {
        topic: VIEWER_REPORT_TOPIC,
        reliable: false,
        destinationIdentities: [host.identity],
      })
      .catch(() => {
        // A lost report only thins the sample.
      });
  };

  const collector = createStatsCollector({ source, intervalMs, onSample });
  const stopData = onTopics(room, [VIEWER_REPORT_TOPIC], (payload) => {
    if (!isHost()) return;
    const parsed = parseViewerReport(decoder.decode(payload));
    if (parsed.ok) fleet.ingest(parsed.report);
  });
  // The first poll waits for the connection and then one interval: during a join the page is busy
  // showing the first frame, and figures of a connection that is not up yet say nothing.
  let firstPoll: ReturnType<typeof setTimeout> | undefined;
  const startSoon = () => {
    firstPoll = setTimeout(() => collector.start(), intervalMs);
  };
  if (room.state === ConnectionState.Connected) startSoon();
  else room.once(RoomEvent.Connected, startSoon);
  return () => {
    room.off(RoomEvent.Connected, startSoon);
    clearTimeout(firstPoll);
    collector.stop();
    source.dispose?.();
    stopData();
  };
}
