// What viewers do with the products (seen, opened, added to the cart, sent to checkout), live and
// in the replay, logged by person for the seller's figures; purchases come from the shop's own
// server. The schema and its checks are @show/analytics'.
import { parseCommerceEvent, type CommerceEvent } from '@show/analytics';
import {
  acceptPost,
  callerOf,
  requireShow,
  takeOrRefuse,
  type ShowServerContext,
} from '../context';
import { json, readJsonObject } from '../http';
import { ShowServerError } from '../server-error';

const MAX_EVENTS = 20;
const MAX_BODY_BYTES = 16 * 1024;
/** The person of a purchase the shop reports: not a viewer. */
export const SHOP_PERSON = 'shop';

function checkedEvents(value: unknown): CommerceEvent[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_EVENTS) {
    throw new ShowServerError('invalid_request', `events must be a list of 1 to ${MAX_EVENTS}.`);
  }
  return value.map((item, index) => {
    const parsed = parseCommerceEvent(item);
    if (!parsed.ok) {
      throw new ShowServerError('invalid_request', `events[${index}]: ${parsed.error}`);
    }
    if (parsed.event.type === 'purchase') {
      throw new ShowServerError('forbidden', "Purchases are reported by the shop's server.");
    }
    return parsed.event;
  });
}

/** `POST /api/shows/:room/events` `{ events }`: anyone watching, live or the replay. */
export async function receiveEvents(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  await acceptPost(context, request, room);
  const caller = await callerOf(context, request);
  const events = checkedEvents((await readJsonObject(request, MAX_BODY_BYTES)).events);
  const { person } = caller;
  // Someone watching a replay may never have joined: they become a person here. Newcomers share
  // one ceiling, so a flood without cookies cannot grow the log without bound.
  if (person.isNew) await takeOrRefuse(context.limits.eventsForNewcomers, room, 'events');
  await takeOrRefuse(context.limits.events, `${room}:${person.id}`, 'events');
  const at = context.now();
  for (const event of events) {
    await context.database.shows.record({
      room,
      kind: 'commerce',
      person: person.id,
      detail: JSON.stringify(event),
      at,
    });
  }
  const response = json({ accepted: events.length }, 202);
  if (person.isNew) {
    response.headers.append('Set-Cookie', await context.sessions.personCookie(person));
  }
  return response;
}

/** A purchase your shop's server reports (never a browser): checked, logged once per order. */
export async function reportPurchase(
  context: ShowServerContext,
  room: string,
  purchase: unknown,
): Promise<void> {
  await requireShow(context, room);
  const parsed = parseCommerceEvent(purchase);
  if (!parsed.ok) throw new ShowServerError('invalid_request', parsed.error);
  if (parsed.event.type !== 'purchase') {
    throw new ShowServerError('invalid_request', 'Only purchases are reported this way.');
  }
  await context.database.shows.record({
    room,
    kind: 'commerce',
    person: SHOP_PERSON,
    detail: JSON.stringify(parsed.event),
    at: context.now(),
  });
}
