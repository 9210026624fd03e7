// What the live layer's global setup provides to tests: `inject('livekit')`.
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
  }
}
export {};
