export { ConnectionStatus, defaultConnectionLabels } from './components/ConnectionStatus';
export type { ConnectionStatusProps, ShowConnectionState } from './components/ConnectionStatus';
export { Sparkline } from './components/Sparkline';
export type { SparklineProps } from './components/Sparkline';
export {
  StreamMetrics,
  defaultStreamMetricsLabels,
  streamHealth,
} from './components/StreamMetrics';
export type {
  StreamHealth,
  StreamMetricsLabels,
  StreamMetricsProps,
} from './components/StreamMetrics';
export {
  UNKNOWN,
  formatBitrate,
  formatFps,
  formatMs,
  formatRatio,
  formatResolution,
} from './format';
