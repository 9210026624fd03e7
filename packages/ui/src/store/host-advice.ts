// What the host should know about the stream, as one thing a seller can act on: decided from the
// alerts on the host's own connection and the viewers' reports. Pure: the control panel words it.
import type { ActiveAlert, FleetSummary } from '@show/metrics';

/**
 * - `measuring`: no figures yet;
 * - `healthy`: nothing to do;
 * - `weak-upload`: the host's upload loses packets (viewers get a softer or stuttering picture);
 * - `upload-dropped`: the host's upload collapsed (viewers see a blurry or frozen picture);
 * - `reconnecting`: the host's connection dropped;
 * - `slow-network`: the host's round trips are long (actions reach viewers late);
 * - `viewers-struggling`: many viewers lose packets or frames while the host's upload is fine;
 * - `other`: an alert of the app's own rules (its message is shown as written).
 */
export type HostAdviceTopic =
  | 'measuring'
  | 'healthy'
  | 'weak-upload'
  | 'upload-dropped'
  | 'reconnecting'
  | 'slow-network'
  | 'viewers-struggling'
  | 'other';

export interface HostAdvice {
  topic: HostAdviceTopic;
  severity: 'unknown' | 'ok' | 'warning' | 'critical';
  /** For `other`: the alert's own message. */
  message?: string | undefined;
}

/** Viewers' reports say many are struggling: the median viewer loses this much, or sees so few fps. */
export const STRUGGLING_LOSS_RATIO = 0.05;
export const STRUGGLING_FPS = 10;

const BY_ALERT: Record<string, HostAdviceTopic> = {
  reconnecting: 'reconnecting',
  'upload-collapse': 'upload-dropped',
  'upload-loss': 'weak-upload',
  'high-rtt': 'slow-network',
};
/** The host's own problems first (they are the ones the host can fix), the worst first. */
const ORDER: readonly HostAdviceTopic[] = [
  'reconnecting',
  'upload-dropped',
  'weak-upload',
  'other',
  'slow-network',
];

function viewersStruggling(fleet: FleetSummary | undefined): boolean {
  if (!fleet || fleet.reports === 0) return false;
  const loss = fleet.lossRatio.p50;
  const fps = fleet.fps.p50;
  return (
    (loss !== undefined && loss > STRUGGLING_LOSS_RATIO) ||
    (fps !== undefined && fps < STRUGGLING_FPS)
  );
}

export function hostAdvice(
  measured: boolean,
  alerts: readonly ActiveAlert[],
  fleet?: FleetSummary,
): HostAdvice {
  const topics = alerts.map((alert) => ({ alert, topic: BY_ALERT[alert.id] ?? 'other' }));
  for (const topic of ORDER) {
    const found = topics.find((t) => t.topic === topic);
    if (!found) continue;
    return {
      topic,
      severity: found.alert.severity,
      ...(topic === 'other' && { message: found.alert.message }),
    };
  }
  if (viewersStruggling(fleet)) return { topic: 'viewers-struggling', severity: 'warning' };
  return measured
    ? { topic: 'healthy', severity: 'ok' }
    : { topic: 'measuring', severity: 'unknown' };
}
