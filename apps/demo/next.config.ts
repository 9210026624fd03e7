import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native SQLite and the database clients load from node_modules at run time, not bundled.
  serverExternalPackages: [
    'better-sqlite3',
    'pg',
    'ioredis',
    'kysely',
    'rate-limiter-flexible',
    'pino',
    'prom-client',
  ],
};

export default config;
