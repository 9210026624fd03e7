import 'server-only';
import { isTokenError, type RoomService } from '@show/token';
import { clientKey, createRateLimiter } from './rate-limit';
import type { ShowStateStore } from './show-state';
import { staffRoleOf } from './staff-session';
import { VIEWER_ID } from './token-endpoint';

export interface ChatMuteDeps {
  apiSecret: string;
  rooms: RoomService;
  state: ShowStateStore;
}

/** What a mute answered: applied now, or (the viewer is not in the room) when they next join. */
export interface ChatMuteResult {
  identity: string;
  muted: boolean;
  applied: 'now' | 'next-join';
}

const MAX_BODY_BYTES = 1024;
// A moderator clearing out a spam wave mutes many, but not hundreds a minute.
const limit = createRateLimiter({ limit: 60, windowMs: 60_000 });

function error(status: number, code: string, message: string, headers: HeadersInit = {}) {
  return Response.json({ error: { code, message } }, { status, headers });
}

/** Same-site only: a browser always sends Origin on a cross-site POST, and it must be ours. */
function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    // Behind a proxy the browser's host is in X-Forwarded-Host.
    const host =
      request.headers.get('x-forwarded-host') ??
      request.headers.get('host') ??
      new URL(request.url).host;
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function readBody(request: Request): Promise<{ identity: string; muted: boolean } | null> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const { identity, muted } = (body ?? {}) as { identity?: unknown; muted?: unknown };
  if (typeof identity !== 'string' || !VIEWER_ID.test(identity) || typeof muted !== 'boolean') {
    return null;
  }
  return { identity, muted };
}

/**
 * `POST /api/shows/[room]/chat-mute` `{ identity, muted }`, for the host and moderators: remembers
 * the mute (so a rejoin stays muted) and tells LiveKit's room service, which tells the viewer.
 * Only viewer identities (server-assigned) can be muted; never the host.
 */
export async function handleChatMute(
  request: Request,
  room: string,
  deps: ChatMuteDeps,
): Promise<Response> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return error(415, 'unsupported_media_type', 'Send JSON: { "identity": "…", "muted": true }.');
  }
  if (foreignOrigin(request)) return error(403, 'forbidden', 'Cross-site requests are refused.');
  if (!staffRoleOf(request, deps.apiSecret)) {
    return error(401, 'unauthorized', 'Sign in as the host or a moderator first.');
  }
  const decision = limit(clientKey(request));
  if (!decision.allowed) {
    return error(429, 'rate_limited', 'Too many requests.', {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }
  const body = await readBody(request);
  if (!body) {
    return error(400, 'invalid_request', 'Give a viewer identity and muted: true or false.');
  }
  await deps.state.setChatMuted(room, body.identity, body.muted);
  let applied: ChatMuteResult['applied'] = 'now';
  try {
    await deps.rooms.setChatMuted(room, body.identity, body.muted);
  } catch (cause) {
    if (!isTokenError(cause) || cause.code !== 'participant_not_found') {
      console.error('chat mute:', isTokenError(cause) ? cause.message : 'error');
      return error(
        502,
        'livekit_unavailable',
        'LiveKit could not be reached. The mute is saved and applies when they rejoin.',
      );
    }
    applied = 'next-join';
  }
  const result: ChatMuteResult = { ...body, applied };
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
