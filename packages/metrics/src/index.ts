export { createStatsCollector } from './collector';
export type { CollectedSample, StatsCollector, StatsCollectorOptions } from './collector';
export type { ConnectionFigures } from './connection';
export type { DownloadFigures, DownloadTrack } from './download';
export { MetricsError } from './metrics-error';
export type { MetricsErrorCode } from './metrics-error';
export { computeSample } from './sample';
export type { SampleOptions, StreamSample } from './sample';
export { fromLiveKitRoom, fromPeerConnection, mergeReports } from './sources';
export type {
  ConnectionQuality,
  ConnectionState,
  LiveKitRoomLike,
  SourceState,
  StatsSource,
} from './sources';
export { indexStats } from './stats-report';
export type { RtcStatLike, StatsIndex, StatsReportLike } from './stats-report';
export type { UploadFigures, UploadLayer } from './upload';
export { createFleetAggregator } from './fleet';
export type { FleetAggregator, FleetAggregatorOptions, FleetSummary, Percentiles } from './fleet';
export { createQuantileSketch } from './quantile-sketch';
export type { QuantileSketch, QuantileSketchOptions, SketchState } from './quantile-sketch';
export { createRollingWindow, smooth } from './rolling-window';
export type { RollingWindow, RollingWindowOptions, WindowSummary } from './rolling-window';
export {
  MAX_VIEWER_REPORT_BYTES,
  parseViewerReport,
  reportingProbability,
  toViewerReport,
} from './viewer-report';
export type { ParsedViewerReport, ViewerReport } from './viewer-report';
export { createAlertMonitor, defaultAlertRules, readFigure } from './alerts';
export type {
  ActiveAlert,
  AlertEvent,
  AlertFigure,
  AlertMonitor,
  AlertRule,
  CollapseRule,
  RuleBase,
  StateRule,
  ThresholdRule,
} from './alerts';
export { parsePrometheusText, sumSamples } from './prometheus';
export type { PrometheusSample } from './prometheus';
export { headlineJitterMs, roundTripMs, streamHealth, worstAlert } from './health';
export type { StreamHealth } from './health';
export { levelOf, qualityScore, sampleQuality, smoothScore } from './quality';
export type { Quality, QualityInput, QualityLevel } from './quality';
export { computeServerFigures, scrapeFromText } from './server-figures';
export type { ServerDirection, ServerFigures, ServerScrape } from './server-figures';
