import type { HTMLAttributes } from 'react';

/** Where a show's connection to LiveKit stands, as a person should read it. */
export type ShowConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ConnectionStatusProps extends HTMLAttributes<HTMLSpanElement> {
  state: ShowConnectionState;
  /** Replaces the default English label for each state (localisation). */
  labels?: Partial<Record<ShowConnectionState, string>> | undefined;
}

export const defaultConnectionLabels: Record<ShowConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
};

/**
 * A small status pill. It is a polite live region, so screen readers announce each change, and it
 * exposes the state as `data-show-state` for styling.
 */
export function ConnectionStatus({ state, labels, className, ...rest }: ConnectionStatusProps) {
  const label = labels?.[state] ?? defaultConnectionLabels[state];
  return (
    <span
      role="status"
      aria-live="polite"
      {...rest}
      className={className ? `show-connection-status ${className}` : 'show-connection-status'}
      data-show-state={state}
    >
      <span className="show-connection-status__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
