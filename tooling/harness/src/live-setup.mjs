// Vitest global setup for the live layer: one livekit-server per run, stopped after it.
import { startLiveKitServer } from './livekit-server.mjs';

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  const server = await startLiveKitServer({ name: `vitest-${project.name}` });
  project.provide('livekit', {
    wsUrl: server.wsUrl,
    httpUrl: server.httpUrl,
    prometheusUrl: server.prometheusUrl,
    apiKey: server.apiKey,
    apiSecret: server.apiSecret,
    logFile: server.logFile,
  });
  return () => server.stop();
}
