export {
  bundlePage,
  openTestBrowser,
  routeBrowserBundle,
  serveBrowserBundle,
} from './browser-bundle.mjs';
export { CHROMIUM_ARGS, ensureChromium, findChromium, launchChromium } from './chromium.mjs';
export { builtPath, ensureGoTool } from './go-tool.mjs';
export { startLiveKitServer, serverConfig } from './livekit-server.mjs';
export { repoRoot, reportsDir, runDir, toolsDir } from './paths.mjs';
export { DEV_API_KEY, DEV_API_SECRET, LIVEKIT_SERVER, LK_CLI } from './pins.mjs';
export { scrape, sumMetric } from './prometheus.mjs';
export { ensurePrometheus, startPrometheus } from './prometheus-server.mjs';
export {
  labelValues as prometheusLabelValues,
  query as queryPrometheus,
  queryRange as queryPrometheusRange,
  waitForTargets as waitForPrometheusTargets,
} from './prometheus-api.mjs';
export { clearReports, countReport, readReports, reportFile } from './reports.mjs';
export { openRoomPage, roomPageEntry, serveRoomPage } from './room-page.mjs';
export { createNetworkNamespace, networkNamespaceUnavailable } from './netns.mjs';
export { ensureDatabases, startPostgres, startRedis } from './databases.mjs';
export { ensureFfmpeg } from './ffmpeg.mjs';
export { freeTcpPort, freeTcpPorts } from './ports.mjs';
export { run } from './run.mjs';
export { startReverseProxy } from './reverse-proxy.mjs';
export { startFrontProxy } from './front-proxy.mjs';
export { startCluster } from './cluster.mjs';
export { startS3 } from './s3.mjs';
