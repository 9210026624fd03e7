// Types for live tests: what the global setup provides (`inject('livekit')`), and the room page's
// `window.harness` that tests drive with `page.evaluate`.
import type { RoomHarness } from '../fixtures/room-page';

declare global {
  interface Window {
    harness: RoomHarness;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: {
      wsUrl: string;
      httpUrl: string;
      prometheusUrl: string;
      apiKey: string;
      apiSecret: string;
      logFile: string;
    };
    /** For projects with the storage setup: a fresh PostgreSQL database and Redis per run. */
    storage: { postgresUrl: string; redisUrl: string };
  }
}
export {};
