import 'server-only';
import { createTokenMinter, type TokenMinter } from '@show/token';
import type { DemoConfig } from './config';

let cached: { key: string; minter: TokenMinter } | undefined;

/** The process's minter for the configured key pair, made again only when the keys change. */
export function minterFor(config: DemoConfig): TokenMinter {
  const key = `${config.apiKey}\u0000${config.apiSecret}`;
  if (cached?.key !== key) {
    const minter = createTokenMinter({
      apiKey: config.apiKey,
      apiSecret: config.apiSecret,
      // The local dev server's secret is the well-known "secret"; real deployments get the check.
      requireStrongSecret: !config.livekitUrl.startsWith('ws://127.0.0.1'),
    });
    cached = { key, minter };
  }
  return cached.minter;
}
