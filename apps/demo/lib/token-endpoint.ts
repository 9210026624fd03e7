import 'server-only';
import { randomUUID } from 'node:crypto';
import { createTokenHandler } from '@show/token';
import type { DemoConfig } from './config';
import { minterFor } from './minter';
import { clientKey, createRateLimiter } from './rate-limit';
import { showState } from './show-state';
import { cookieHeader, readCookie, staffRoleOf } from './staff-session';

/** Keeps a viewer the same person across reloads: the identity is the server's, never typed. */
export const VIEWER_COOKIE = 'show_viewer';
/** What the server assigns to viewers (and moderators): only these can be muted. */
export const VIEWER_ID = /^v-[0-9a-f-]{36}$/;

// 30 token requests per minute per client: a page retries 4 times at most, reloads are rare.
const limit = createRateLimiter({ limit: 30, windowMs: 60_000 });

let cached: { key: string; handle: (request: Request) => Promise<Response> } | undefined;
// The identity this request's viewer gets, for `authorize` (the handler is shared by all requests).
const viewerIds = new WeakMap<Request, string>();

/**
 * The seed's `/api/livekit/token?room=&username=&admin=` on @show/token's handler. A host session
 * cookie is the only way to the host role, a moderator session the only way to the moderator role;
 * everyone else is a viewer with a server-assigned identity, muted if a moderator said so.
 */
export async function handleTokenRequest(request: Request, config: DemoConfig): Promise<Response> {
  const existing = readCookie(request, VIEWER_COOKIE);
  const viewerId = existing && VIEWER_ID.test(existing) ? existing : `v-${randomUUID()}`;
  const key = `${config.apiKey}\u0000${config.apiSecret}`;
  if (cached?.key !== key) {
    const minter = minterFor(config);
    cached = {
      key,
      handle: createTokenHandler({
        minter,
        rateLimit: (req) => limit(clientKey(req)),
        production: process.env.NODE_ENV === 'production',
        onError: (error) =>
          console.error('token endpoint:', error instanceof Error ? error.name : 'error'),
        authorize: async (req, input) => {
          const staff = staffRoleOf(req, config.apiSecret);
          // The host identity only for an admin request: the host's own browser on the viewer page
          // must join as a viewer, or LiveKit would drop the studio's connection (same identity).
          if (input.admin && staff === 'host') return { identity: 'host', role: 'host' };
          const id = viewerIds.get(req);
          if (!id) return null;
          if (staff === 'moderator') return { identity: id, role: 'moderator' };
          const muted = await showState().isChatMuted(input.room, id);
          return {
            identity: id,
            role: 'viewer',
            ...(muted && { grants: { canPublishData: false } }),
          };
        },
      }),
    };
  }
  viewerIds.set(request, viewerId);
  const response = await cached.handle(request);
  if (existing !== viewerId) {
    response.headers.append(
      'Set-Cookie',
      cookieHeader(VIEWER_COOKIE, viewerId, {
        maxAge: 30 * 24 * 3600,
        secure: new URL(request.url).protocol === 'https:',
      }),
    );
  }
  return response;
}
