import { useShow } from './context';

/** The show's measured figures as props for `<StreamMetrics>`: `<StreamMetrics {...useStreamMetrics()} />`. */
export function useStreamMetrics() {
  const metrics = useShow((s) => s.metrics);
  return {
    sample: metrics.latest?.sample,
    connectionState: metrics.latest?.state.connectionState,
    fleet: metrics.fleet,
    alerts: metrics.alerts,
    history: { ingressBps: metrics.ingressBps, egressBps: metrics.egressBps },
  };
}
