import type { CollectedSample } from './collector';
import { createRollingWindow, type RollingWindow } from './rolling-window';
import type { ConnectionState } from './sources';
import { headlineJitterMs, roundTripMs } from './health';

/** The figures a rule can watch, read from each collected sample. */
export type AlertFigure =
  | 'uploadLossRatio'
  | 'downloadLossRatio'
  | 'uploadBitrateBps'
  | 'downloadBitrateBps'
  | 'rttMs'
  | 'jitterMs'
  | 'downloadFps'
  | 'framesDecodedDelta';

export interface RuleBase {
  id: string;
  severity: 'warning' | 'critical';
  /** For people: what is wrong, in a sentence. */
  message: string;
  /** The condition must hold this long before the alert is raised. */
  forMs: number;
  /** The clearing condition must hold this long; default forMs. */
  clearForMs?: number;
}

/** A figure above or below a threshold; `clearAt` sets the hysteresis (default the threshold). */
export interface ThresholdRule extends RuleBase {
  kind: 'threshold';
  figure: AlertFigure;
  above?: number;
  below?: number;
  clearAt?: number;
}

/** A figure falling below a fraction of its own recent mean (a bitrate collapse). */
export interface CollapseRule extends RuleBase {
  kind: 'collapse';
  figure: AlertFigure;
  dropBelowRatio: number;
  baselineMs: number;
}

/** The connection in one of some states. */
export interface StateRule extends RuleBase {
  kind: 'state';
  states: ConnectionState[];
}

export type AlertRule = ThresholdRule | CollapseRule | StateRule;

/** Sensible defaults for a live show; pass your own list to change them. */
export const defaultAlertRules: readonly AlertRule[] = Object.freeze([
  {
    kind: 'threshold',
    id: 'download-loss',
    severity: 'warning',
    figure: 'downloadLossRatio',
    above: 0.05,
    clearAt: 0.03,
    forMs: 5000,
    message: 'Viewers are losing more than 5 % of packets.',
  },
  {
    kind: 'threshold',
    id: 'upload-loss',
    severity: 'warning',
    figure: 'uploadLossRatio',
    above: 0.05,
    clearAt: 0.03,
    forMs: 5000,
    message: 'The host’s upload is losing more than 5 % of packets.',
  },
  {
    kind: 'threshold',
    id: 'frozen-video',
    severity: 'critical',
    figure: 'framesDecodedDelta',
    below: 1,
    forMs: 3000,
    clearForMs: 1000,
    message: 'The picture has not moved for 3 seconds.',
  },
  {
    kind: 'collapse',
    id: 'upload-collapse',
    severity: 'critical',
    figure: 'uploadBitrateBps',
    dropBelowRatio: 0.3,
    baselineMs: 30_000,
    forMs: 3000,
    message: 'The host’s upload fell below a third of its recent rate.',
  },
  {
    kind: 'threshold',
    id: 'high-rtt',
    severity: 'warning',
    figure: 'rttMs',
    above: 300,
    clearAt: 200,
    forMs: 5000,
    message: 'Round trips take over 300 ms.',
  },
  {
    kind: 'state',
    id: 'reconnecting',
    severity: 'critical',
    states: ['reconnecting', 'signal-reconnecting'],
    forMs: 0,
    message: 'The connection dropped; reconnecting.',
  },
] satisfies AlertRule[]);

export interface AlertEvent {
  type: 'raised' | 'cleared';
  id: string;
  severity: AlertRule['severity'];
  message: string;
  atMs: number;
  /** The figure when it happened (undefined for state rules). */
  value: number | undefined;
}

export interface ActiveAlert {
  id: string;
  severity: AlertRule['severity'];
  message: string;
  sinceMs: number;
}

export interface AlertMonitor {
  /** Feeds one sample; returns the alerts raised and cleared by it. */
  update(collected: CollectedSample): AlertEvent[];
  active(): ActiveAlert[];
}

export function readFigure({ sample }: CollectedSample, figure: AlertFigure): number | undefined {
  switch (figure) {
    case 'uploadLossRatio':
      return sample.upload.lossRatio;
    case 'downloadLossRatio':
      return sample.download.lossRatio;
    case 'uploadBitrateBps':
      return sample.upload.bitrateBps;
    case 'downloadBitrateBps':
      return sample.download.bitrateBps;
    case 'rttMs':
      return roundTripMs(sample);
    case 'jitterMs':
      return headlineJitterMs(sample);
    case 'downloadFps':
      return sample.download.video?.fps;
    case 'framesDecodedDelta':
      return sample.download.video?.framesDecodedDelta;
  }
}

interface RuleState {
  holdingSince: number | undefined;
  clearingSince: number | undefined;
  raisedAt: number | undefined;
  baseline: RollingWindow | undefined;
}

/**
 * Raises an alert once its condition has held for `forMs`, and clears it once the clearing
 * condition (beyond `clearAt`, for hysteresis) has held for `clearForMs`. An unknown figure
 * neither raises nor clears.
 */
export function createAlertMonitor(rules: readonly AlertRule[] = defaultAlertRules): AlertMonitor {
  const states = new Map<string, RuleState>(
    rules.map((rule) => [
      rule.id,
      {
        holdingSince: undefined,
        clearingSince: undefined,
        raisedAt: undefined,
        baseline:
          rule.kind === 'collapse'
            ? createRollingWindow({ spanMs: rule.baselineMs, bucketMs: 1000 })
            : undefined,
      },
    ]),
  );

  return {
    update(collected) {
      const now = collected.sample.timestampMs;
      const events: AlertEvent[] = [];
      for (const rule of rules) {
        const state = states.get(rule.id) as RuleState;
        const { bad, value } = evaluate(rule, collected, state, now);
        if (bad === undefined) continue;
        if (state.raisedAt === undefined) {
          if (!bad.raise) {
            state.holdingSince = undefined;
            continue;
          }
          state.holdingSince ??= now;
          if (now - state.holdingSince >= rule.forMs) {
            state.raisedAt = now;
            state.clearingSince = undefined;
            events.push({
              type: 'raised',
              id: rule.id,
              severity: rule.severity,
              message: rule.message,
              atMs: now,
              value,
            });
          }
        } else {
          if (!bad.clear) {
            state.clearingSince = undefined;
            continue;
          }
          state.clearingSince ??= now;
          if (now - state.clearingSince >= (rule.clearForMs ?? rule.forMs)) {
            state.raisedAt = undefined;
            state.holdingSince = undefined;
            events.push({
              type: 'cleared',
              id: rule.id,
              severity: rule.severity,
              message: rule.message,
              atMs: now,
              value,
            });
          }
        }
      }
      return events;
    },
    active() {
      return rules
        .filter((rule) => states.get(rule.id)?.raisedAt !== undefined)
        .map((rule) => ({
          id: rule.id,
          severity: rule.severity,
          message: rule.message,
          sinceMs: states.get(rule.id)?.raisedAt as number,
        }));
    },
  };
}

/** Whether the sample is bad enough to raise, and good enough to clear; undefined when unknown. */
function evaluate(rule: AlertRule, collected: CollectedSample, state: RuleState, now: number) {
  if (rule.kind === 'state') {
    const current = collected.state.connectionState;
    if (current === undefined) return { bad: undefined, value: undefined };
    const inState = rule.states.includes(current);
    return { bad: { raise: inState, clear: !inState }, value: undefined };
  }
  const value = readFigure(collected, rule.figure);
  if (value === undefined) return { bad: undefined, value };
  if (rule.kind === 'collapse') {
    const baseline = state.baseline as RollingWindow;
    const mean = baseline.summary(now).mean;
    // A collapsed value must not drag its own baseline down while the alert is pending or raised.
    const collapsing = mean !== undefined && value < mean * rule.dropBelowRatio;
    if (!collapsing) baseline.add(now, value);
    return {
      bad: mean === undefined ? undefined : { raise: collapsing, clear: !collapsing },
      value,
    };
  }
  const { above, below } = rule;
  const clearAt = rule.clearAt;
  if (above !== undefined)
    return { bad: { raise: value > above, clear: value <= (clearAt ?? above) }, value };
  if (below !== undefined)
    return { bad: { raise: value < below, clear: value >= (clearAt ?? below) }, value };
  return { bad: undefined, value };
}
