// The token endpoint: @show/token's handler, with the person from the signed cookie and one
// LiveKit identity per connection. Viewers join hidden with no data rights; nobody publishes data
// (chat goes through the server), so there is no private channel moderators cannot see.
import {
  TokenError,
  createTokenHandler,
  type Authorization,
  type RateLimitDecision,
} from '@show/token';
import { addressKey } from '../client-address';
import { callerOf, type ShowServerContext } from '../context';
import { json, retryAfterSeconds } from '../http';
import { displayName } from '../display-name';
import { connectionIdentity, HOST_IDENTITY } from '../identity';
import type { Person } from '../sessions';
import { PINS_ATTRIBUTE } from './pins';

export interface TokenRouteOptions {
  /**
   * Token lifetime; default 10 minutes. LiveKit refreshes the token of everyone connected, so a
   * short one only limits what a copied or kept token is worth (rejoining after a kick or a mute).
   */
  ttlSeconds?: number;
  /**
   * Replaces the default limit: 30 a minute per person; for browsers with no session yet, 120 a
   * minute per client address (with trusted proxies), else 600 a minute for the whole server.
   */
  rateLimit?(request: Request): RateLimitDecision | Promise<RateLimitDecision>;
}

const NO_DATA = { canPublishData: false } as const;

/**
 * Someone with a session is limited as a person. Browsers with no session yet (or that dropped
 * theirs) are limited per address when a trusted proxy says it, generously, because a mobile
 * carrier's NAT puts a whole audience behind a few addresses; with no proxy trusted, they share
 * one server-wide ceiling.
 */
async function defaultTokenLimit(
  context: ShowServerContext,
  request: Request,
): Promise<RateLimitDecision> {
  const person = await context.sessions.person(request);
  const address = person.isNew ? context.address(request) : undefined;
  const decision = !person.isNew
    ? await context.limits.tokens.take(`p:${person.id}`)
    : address !== undefined
      ? await context.limits.newcomersPerAddress.take(addressKey(address))
      : await context.limits.tokensForNewcomers.take('new');
  return decision.allowed
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) };
}

/**
 * The pins of the show under way, for the host's token: a host who joins again (another tab, a
 * restarted LiveKit that forgot every participant) carries them, so viewers keep seeing them.
 */
async function currentPins(
  context: ShowServerContext,
  room: string,
): Promise<Record<string, string> | undefined> {
  const { shows } = context.database;
  const [pin, ended] = await Promise.all([
    shows.latest(room, 'pin'),
    shows.latest(room, 'status', 'ended'),
  ]);
  if (!pin?.detail || (ended && ended.at >= pin.at)) return undefined;
  return { [PINS_ATTRIBUTE]: pin.detail };
}

/**
 * No seat for a new viewer: the audience has `maxViewers` people. Someone already in (another tab,
 * a reconnect with a new token) still gets one: their seat is theirs.
 */
async function showIsFull(
  context: ShowServerContext,
  room: string,
  person: string,
): Promise<boolean> {
  const { presence } = context.hot;
  if ((await presence.count(room)) < context.maxViewers) return false;
  return (await presence.connections(room, person)).length === 0;
}

export function tokenRoute(
  context: ShowServerContext,
  options: TokenRouteOptions = {},
): (request: Request) => Promise<Response> {
  // The person each request turned out to be, for the cookie (the handler is shared).
  const people = new WeakMap<
    Request,
    { person: Person; changed: boolean; role: 'viewer' | 'host' | 'moderator' }
  >();
  const handle = createTokenHandler({
    minter: context.minter,
    production: context.production,
    ttlSeconds: options.ttlSeconds ?? 600,
    rateLimit: options.rateLimit ?? ((request) => defaultTokenLimit(context, request)),
    ...(context.onError && { onError: context.onError }),
    async authorize(request, input): Promise<Authorization | null> {
      if (!(await context.isShow(input.room)))
        throw new TokenError('invalid_room', 'No such show.');
      await context.rooms.open(input.room);
      const caller = await callerOf(context, request);
      // Staff may be called what they like ("Maya from Atelier"); viewers get the checks.
      const name = caller.staff ? input.username : displayName(input.username);
      const person: Person = { id: caller.person.id, name };
      const changed = caller.person.isNew || caller.person.name !== name;
      const seen = (role: 'viewer' | 'host' | 'moderator') =>
        people.set(request, { person, changed, role });
      // The host identity only for an admin request: the host's own browser on the viewer page
      // joins as a viewer, or LiveKit would drop the studio's connection (same identity).
      if (input.admin && caller.staff === 'host') {
        seen('host');
        const attributes = await currentPins(context, input.room);
        return {
          identity: HOST_IDENTITY,
          role: 'host',
          name,
          grants: NO_DATA,
          ...(attributes && { attributes }),
        };
      }
      const identity = connectionIdentity(person.id);
      if (caller.staff === 'moderator') {
        seen('moderator');
        return { identity, role: 'moderator', name, grants: NO_DATA };
      }
      if (await showIsFull(context, input.room, person.id)) {
        throw new TokenError('room_full', 'The show is full.');
      }
      seen('viewer');
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
    if (seen && response.ok) context.observe.token({ role: seen.role });
    if (seen?.changed && response.ok) {
      response.headers.append('Set-Cookie', await context.sessions.personCookie(seen.person));
    }
    return response;
  };
}
