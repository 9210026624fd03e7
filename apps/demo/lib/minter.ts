import 'server-only';
import { createTokenMinter, type TokenMinter } from '@show/token';
import type { DemoConfig } from './config';

let cached: { key: string; minter: TokenMinter } | undefined;

/** The process's minter for the configured key pair, made again only when the keys change. */
export function demoMinter(config: DemoConfig): TokenMinter {
  const key = `${config.apiKey}\u0000${config.apiSecret}\u0000${config.localDev}`;
  if (cached?.key !== key) {
    const minter = createTokenMinter({
      apiKey: config.apiKey,
      apiSecret: config.apiSecret,
      // Only an explicit local-development configuration may use a short secret.
      requireStrongSecret: !config.localDev,
    });
    cached = { key, minter };
  }
  return cached.minter;
}
