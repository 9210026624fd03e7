// The stream's headline figures and health, decided once: the panels, the alerts and the quality
// score all read these, so a host never sees one round trip on a panel and another in an alert.
import type { ActiveAlert } from './alerts';
import type { StreamSample } from './sample';

/** 'unknown' until there is a measurement; otherwise the worst active alert decides. */
export type StreamHealth = 'ok' | 'warning' | 'critical' | 'unknown';

/** The round trip a person is shown and alerted on: the connection's (ICE), else RTCP's. */
export function roundTripMs(sample: StreamSample): number | undefined {
  return sample.connection.rttMs ?? sample.upload.rttMs;
}

/** The jitter a person is shown and alerted on: what this page receives, else what it sends. */
export function headlineJitterMs(sample: StreamSample): number | undefined {
  return sample.download.jitterMs ?? sample.upload.jitterMs;
}

/** The alert that speaks for the stream: the first critical one, else the first one. */
export function worstAlert(alerts: readonly ActiveAlert[]): ActiveAlert | undefined {
  return alerts.find((alert) => alert.severity === 'critical') ?? alerts[0];
}

export function streamHealth(measured: boolean, alerts: readonly ActiveAlert[] = []): StreamHealth {
  const worst = worstAlert(alerts);
  if (worst) return worst.severity;
  return measured ? 'ok' : 'unknown';
}
