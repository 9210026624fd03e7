// The token endpoint: @show/token's handler, with the person from the signed cookie and one
// LiveKit identity per connection. Viewers join hidden with no data rights; nobody publishes data
// (chat goes through the server), so there is no private channel moderators cannot see.
import {
  TokenError,
  createTokenHandler,
  type Authorization,
  type RateLimitDecision,
} from '@show/token';
import { callerOf, type ShowServerContext } from '../context';
import { json } from '../http';
import { displayName } from '../display-name';
import { connectionIdentity, HOST_IDENTITY } from '../identity';
import type { Person } from '../sessions';

export interface TokenRouteOptions {
  /** Token lifetime; default 1 h (LiveKit refreshes tokens of connected participants). */
  ttlSeconds?: number;
  rateLimit?(request: Request): RateLimitDecision | Promise<RateLimitDecision>;
}

const NO_DATA = { canPublishData: false } as const;

export function tokenRoute(
  context: ShowServerContext,
  options: TokenRouteOptions = {},
): (request: Request) => Promise<Response> {
  // The person each request turned out to be, for the cookie (the handler is shared).
  const people = new WeakMap<Request, { person: Person; changed: boolean }>();
  const handle = createTokenHandler({
    minter: context.minter,
    production: context.production,
    ttlSeconds: options.ttlSeconds ?? 3600,
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    ...(context.onError && { onError: context.onError }),
    async authorize(request, input): Promise<Authorization | null> {
      if (!(await context.isShow(input.room)))
        throw new TokenError('invalid_room', 'No such show.');
      const caller = await callerOf(context, request);
      // Staff may be called what they like ("Maya from Atelier"); viewers get the checks.
      const name = caller.staff ? input.username : displayName(input.username);
      const person: Person = { id: caller.person.id, name };
      people.set(request, { person, changed: caller.person.isNew || caller.person.name !== name });
      // The host identity only for an admin request: the host's own browser on the viewer page
      // joins as a viewer, or LiveKit would drop the studio's connection (same identity).
      if (input.admin && caller.staff === 'host') {
        return { identity: HOST_IDENTITY, role: 'host', name, grants: NO_DATA };
      }
      const identity = connectionIdentity(person.id);
      if (caller.staff === 'moderator') {
        return { identity, role: 'moderator', name, grants: NO_DATA };
      }
      return { identity, role: 'viewer', name, grants: { ...NO_DATA, hidden: true } };
    },
  });

  return async (request) => {
    // A page of another site must not make a browser a new person with a name it chose (browsers
    // say where a request comes from; a request without the header is not a browser's).
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      return json(
        { error: { code: 'forbidden', message: 'Cross-site requests are refused.' } },
        403,
      );
    }
    const response = await handle(request);
    const seen = people.get(request);
    if (seen?.changed && response.ok) {
      const secure = new URL(request.url).protocol === 'https:';
      response.headers.append(
        'Set-Cookie',
        await context.sessions.personCookie(seen.person, secure),
      );
    }
    return response;
  };
}
