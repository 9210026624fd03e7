// Drives test/live-show.tsx: pages that join a show on the live server with real tokens.
import { createTokenMinter } from '@show/token';
import type { BrowserContext, Page } from 'playwright-core';
import type { LiveShowPage } from './live-show';

type Api = { showPage: LiveShowPage };
export type Role = 'host' | 'viewer' | 'moderator';

export interface LiveServer {
  wsUrl: string;
  apiKey: string;
  apiSecret: string;
}

export function tokens(server: LiveServer) {
  const minter = createTokenMinter({
    apiKey: server.apiKey,
    apiSecret: server.apiSecret,
    requireStrongSecret: false,
  });
  return (room: string, identity: string, role: Role) =>
    minter.mint({ room, identity, name: identity, role, ttlSeconds: 600 });
}

/** A new page of the live-show bundle, with its console errors collected. */
export async function openPage(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => 'showPage' in window);
  return { page, errors };
}

export function call<K extends keyof LiveShowPage>(
  page: Page,
  method: K,
  ...args: Parameters<LiveShowPage[K]>
): Promise<ReturnType<LiveShowPage[K]>> {
  return page.evaluate(
    ([name, params]) => {
      const api = (window as unknown as Api).showPage;
      return (api[name] as (...a: unknown[]) => unknown)(...params);
    },
    [method, args] as const,
  ) as Promise<ReturnType<LiveShowPage[K]>>;
}
