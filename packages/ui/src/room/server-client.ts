import type { CommerceEvent, ShowFigures } from '@show/analytics';
// The page's side of a show's server (for example @show/server's routes): chat, deletes, mutes,
// reactions and viewer reports go there over HTTP; the server delivers them into the room.
import type { ViewerReport } from '@show/metrics';
import { ShowActionError } from '../store/show-action-error';
import {
  parseChatMessage,
  type ServerChatMessage,
  type ServerHistory,
} from '../store/server-protocol';

export interface ShowServerClient {
  /** The chat so far, this person's mute, the server's viewer count. */
  history(): Promise<ServerHistory>;
  /** Resolves with the message as the server stored it; refusals are ShowActionErrors. */
  sendChat(text: string, id: string): Promise<ServerChatMessage>;
  deleteMessage(id: string): Promise<void>;
  setMuted(person: string, muted: boolean): Promise<void>;
  /** The host's pins (the server logs them and sets them on the host for every page). */
  setPins(ids: readonly string[]): Promise<void>;
  react(): Promise<void>;
  report(identity: string, report: ViewerReport): Promise<void>;
  /** Product impressions, clicks, add to cart and checkout requests, for the seller's figures. */
  sendEvents(events: readonly CommerceEvent[]): Promise<void>;
  /**
   * The host's figures of the show so far (`GET …/analytics`, signed-in host only); a server
   * without them leaves this out, and the studio shows none.
   */
  figures?(): Promise<ShowFigures>;
}

export interface ShowServerClientOptions {
  /** The show (LiveKit room) name. */
  room: string;
  /** Where the server's routes are; default `/api` (same origin, cookies included). */
  baseUrl?: string;
  /** Per request; default 8000 ms. */
  timeoutMs?: number;
  /**
   * Pauses before trying a request again when the server could not be reached or answered 502,
   * 503 or 504 (an instance behind the load balancer just died); default 300 and 1000 ms. Only
   * requests that are safe to repeat are: the history, a chat message (its id makes the server
   * store it once), deletes, mutes and pins; never reactions or reports.
   */
  retryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
}

interface ErrorBody {
  error?: { code?: unknown; retryAfterMs?: unknown };
}

/** A refusal as the UI understands it; anything unexpected is "the server did not answer". */
function refusalOf(
  status: number,
  body: ErrorBody | undefined,
  retryAfter: string | null,
): ShowActionError {
  const code = body?.error?.code;
  if (status === 429) {
    const ms =
      typeof body?.error?.retryAfterMs === 'number'
        ? body.error.retryAfterMs
        : Number(retryAfter ?? 1) * 1000;
    return new ShowActionError('rate_limited', 'Too many messages.', {
      refusal: {
        reason: 'rate_limited',
        retryInMs: ms,
      },
    });
  }
  if (code === 'muted')
    return new ShowActionError('muted', 'Chat is muted for you.', { refusal: { reason: 'muted' } });
  if (status === 401 || status === 403) return new ShowActionError('forbidden', 'Not allowed.');
  return new ShowActionError('unreachable', 'The show server did not answer.', {
    refusal: {
      reason: 'unreachable',
    },
  });
}

export function createShowServerClient(options: ShowServerClientOptions): ShowServerClient {
  const base = `${(options.baseUrl ?? '/api').replace(/\/+$/, '')}/shows/${encodeURIComponent(options.room)}`;
  const timeoutMs = options.timeoutMs ?? 8000;
  const send =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const retryDelaysMs = options.retryDelaysMs ?? [300, 1000];
  /** Failures worth another try: no answer, or a gateway's 502, 503 or 504. */
  const transient = new WeakSet<ShowActionError>();
  const unreachable = (refusal: ShowActionError) => {
    transient.add(refusal);
    return refusal;
  };

  /** `call`, again after each pause while the server is unreachable (for safe requests only). */
  async function callAgain<T>(path: string, body?: unknown): Promise<T> {
    for (const pause of retryDelaysMs) {
      try {
        return await call<T>(path, body);
      } catch (error) {
        if (!(error instanceof ShowActionError && transient.has(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
    return call<T>(path, body);
  }

  async function call<T>(path: string, body?: unknown, keepalive = false): Promise<T> {
    let response: Response;
    try {
      response = await send(`${base}${path}`, {
        // Outlives the page (a batch sent as the tab closes still arrives).
        ...(keepalive && { keepalive: true }),
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw unreachable(
        new ShowActionError('unreachable', 'The show server did not answer.', {
          cause: error,
          refusal: { reason: 'unreachable' },
        }),
      );
    }
    const parsed = (await response.json().catch(() => undefined)) as T | ErrorBody | undefined;
    if (!response.ok) {
      const refusal = refusalOf(
        response.status,
        parsed as ErrorBody | undefined,
        response.headers.get('retry-after'),
      );
      // The load balancer's answers for an instance that is gone or overloaded.
      throw [502, 503, 504].includes(response.status) ? unreachable(refusal) : refusal;
    }
    return parsed as T;
  }

  return {
    async history() {
      const body = await callAgain<Partial<ServerHistory>>('/chat');
      const messages = Array.isArray(body.messages)
        ? body.messages.map((m) => parseChatMessage(m)).filter((m): m is ServerChatMessage => !!m)
        : [];
      return {
        messages,
        muted: body.muted === true,
        viewers: typeof body.viewers === 'number' ? body.viewers : 0,
        ...(Array.isArray(body.mutedPeople) && {
          mutedPeople: body.mutedPeople.filter((p): p is string => typeof p === 'string'),
        }),
        ...(typeof body.person === 'string' && { person: body.person }),
      };
    },
    async sendChat(text, id) {
      const body = await callAgain<{ message?: unknown }>('/chat', { text, id });
      const message = parseChatMessage(body.message);
      if (!message)
        throw new ShowActionError('unreachable', 'The show server answered oddly.', {
          refusal: {
            reason: 'unreachable',
          },
        });
      return message;
    },
    async deleteMessage(id) {
      await callAgain('/chat/delete', { id });
    },
    async setMuted(person, muted) {
      await callAgain('/mutes', { person, muted });
    },
    async setPins(ids) {
      await callAgain('/pins', { ids });
    },
    async react() {
      await call('/reactions', {});
    },
    async report(identity, report) {
      await call('/reports', { identity, report });
    },
    async sendEvents(events) {
      await call('/events', { events }, true);
    },
    async figures() {
      return callAgain<ShowFigures>('/analytics');
    },
  };
}
