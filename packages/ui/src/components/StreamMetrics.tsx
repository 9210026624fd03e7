import {
  headlineJitterMs,
  roundTripMs,
  streamHealth,
  type ActiveAlert,
  type ConnectionState,
  type FleetSummary,
  type StreamHealth,
  type StreamSample,
} from '@show/metrics';
import type { HTMLAttributes, ReactNode } from 'react';
import {
  formatBitrate,
  formatCount,
  formatFps,
  formatMs,
  formatRatio,
  formatResolution,
  UNKNOWN,
} from '../format';
import { useMaybeShow } from '../hooks/context';
import { ConnectionStatus } from './ConnectionStatus';
import { Sparkline } from './Sparkline';

export interface StreamMetricsLabels {
  title: string;
  ingress: string;
  egress: string;
  uploadLoss: string;
  viewerLoss: string;
  rtt: string;
  jitter: string;
  video: string;
  viewers: string;
  critical: string;
  warning: string;
  noAlerts: string;
}

export const defaultStreamMetricsLabels: StreamMetricsLabels = {
  title: 'Stream health',
  ingress: 'Ingress (your upload)',
  egress: 'Egress to viewers',
  uploadLoss: 'Upload loss',
  viewerLoss: 'Viewer loss (p95)',
  rtt: 'Round trip',
  jitter: 'Jitter',
  video: 'Video sent',
  viewers: 'Viewers reporting',
  critical: 'Critical',
  warning: 'Warning',
  noAlerts: 'No alerts',
};

export type { StreamHealth };

/**
 * Inside a show (`<LiveKitBroadcaster>`, `<ShowProvider>`) every figure comes from the show; pass
 * one to show something else instead. Outside a show, pass them all.
 */
export interface StreamMetricsProps extends HTMLAttributes<HTMLElement> {
  /** The host's latest sample from @show/metrics: its upload is the show's ingress. */
  sample?: StreamSample | undefined;
  /** Viewers' reports merged by @show/metrics' fleet aggregator: egress and percentiles. */
  fleet?: FleetSummary | undefined;
  connectionState?: ConnectionState | undefined;
  alerts?: readonly ActiveAlert[];
  /** Oldest first, for the sparklines. */
  history?: {
    ingressBps?: ReadonlyArray<number | undefined>;
    egressBps?: ReadonlyArray<number | undefined>;
  };
  locale?: string | undefined;
  labels?: Partial<StreamMetricsLabels> | undefined;
}

const STATE_FOR_STATUS = {
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  'signal-reconnecting': 'reconnecting',
  disconnected: 'disconnected',
} as const;

/**
 * The host's view of stream health: measured figures only ("—" when one is unknown), alerts as
 * text badges (severity is written, not only coloured), and small trend lines.
 */
export function StreamMetrics({
  sample: sampleProp,
  fleet: fleetProp,
  connectionState: connectionStateProp,
  alerts: alertsProp,
  history: historyProp,
  locale,
  labels: overrides,
  className,
  ...rest
}: StreamMetricsProps) {
  const show = useMaybeShow((s) => s.metrics);
  const sample = sampleProp ?? show?.latest?.sample;
  const fleet = fleetProp ?? show?.fleet;
  const connectionState = connectionStateProp ?? show?.latest?.state.connectionState;
  const alerts = alertsProp ?? show?.alerts ?? [];
  const history =
    historyProp ?? (show && { ingressBps: show.ingressBps, egressBps: show.egressBps });
  const labels = { ...defaultStreamMetricsLabels, ...overrides };
  const health = streamHealth(sample !== undefined, alerts);
  const upload = sample?.upload;
  const egressSpread = `p50 ${formatBitrate(fleet?.bitrateBps.p50, locale)} · p95 ${formatBitrate(fleet?.bitrateBps.p95, locale)}`;
  const video = upload?.video;
  const videoText =
    video && (video.width !== undefined || video.fps !== undefined)
      ? [formatResolution(video.width, video.height), formatFps(video.fps, locale)].join(' · ')
      : UNKNOWN;

  return (
    <section
      aria-label={labels.title}
      {...rest}
      className={className ? `show-stream-metrics ${className}` : 'show-stream-metrics'}
      data-show-health={health}
    >
      <header className="show-stream-metrics__header">
        <h2 className="show-stream-metrics__title">{labels.title}</h2>
        {connectionState && <ConnectionStatus state={STATE_FOR_STATUS[connectionState]} />}
      </header>
      <ul className="show-stream-metrics__alerts" aria-live="polite" aria-label="Alerts">
        {alerts.length === 0 ? (
          <li className="show-stream-metrics__no-alerts">{labels.noAlerts}</li>
        ) : (
          alerts.map((alert) => (
            <li key={alert.id} className="show-alert" data-show-severity={alert.severity}>
              <strong>{alert.severity === 'critical' ? labels.critical : labels.warning}:</strong>{' '}
              {alert.message}
            </li>
          ))
        )}
      </ul>
      <dl className="show-stream-metrics__figures">
        <Figure name="ingress" label={labels.ingress} trend={history?.ingressBps}>
          {formatBitrate(upload?.bitrateBps, locale)}
        </Figure>
        <Figure name="egress" label={labels.egress} trend={history?.egressBps}>
          {formatBitrate(fleet?.egressBitrateBps, locale)}
          <span className="show-stream-metrics__detail"> {egressSpread}</span>
        </Figure>
        <Figure name="upload-loss" label={labels.uploadLoss}>
          {formatRatio(upload?.lossRatio, locale)}
        </Figure>
        <Figure name="viewer-loss" label={labels.viewerLoss}>
          {formatRatio(fleet?.lossRatio.p95, locale)}
        </Figure>
        <Figure name="rtt" label={labels.rtt}>
          {formatMs(sample && roundTripMs(sample), locale)}
        </Figure>
        <Figure name="jitter" label={labels.jitter}>
          {formatMs(sample && headlineJitterMs(sample), locale)}
        </Figure>
        <Figure name="video" label={labels.video}>
          {videoText}
        </Figure>
        <Figure name="viewers" label={labels.viewers}>
          {formatCount(fleet?.viewersReporting, locale)}
        </Figure>
      </dl>
    </section>
  );
}

function Figure({
  name,
  label,
  trend,
  children,
}: {
  name: string;
  label: string;
  trend?: ReadonlyArray<number | undefined> | undefined;
  children: ReactNode;
}) {
  return (
    <div className="show-stream-metrics__figure" data-show-figure={name}>
      <dt>{label}</dt>
      <dd>
        <span className="show-stream-metrics__value">{children}</span>
        {trend && trend.length > 1 && <Sparkline values={trend} />}
      </dd>
    </div>
  );
}
