import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native SQLite, the database clients and the recorder's WebRTC load from node_modules at run time, not bundled.
  serverExternalPackages: [
    'better-sqlite3',
    'pg',
    'ioredis',
    'kysely',
    'rate-limiter-flexible',
    'pino',
    'prom-client',
    // The recorder's native WebRTC (loaded only when SHOW_RECORDINGS_DIR is set).
    '@livekit/rtc-node',
    // The recorder's S3 uploads (loaded only when SHOW_S3_BUCKET is set).
    '@aws-sdk/client-s3',
    '@aws-sdk/lib-storage',
  ],
};

export default config;
