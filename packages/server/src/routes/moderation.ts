// The host and moderators: delete a message (for everyone, late joiners too) and mute a person's
// chat (every tab, every rejoin: the server refuses their messages).
import { checkMessageId } from '../chat-rules';
import {
  acceptPost,
  requireShow,
  requireStaff,
  takeOrRefuse,
  type Caller,
  type ShowServerContext,
} from '../context';
import { isPersonId } from '../identity';
import { json, readJsonObject, requireMethod } from '../http';
import { ShowServerError } from '../server-error';

const MAX_BODY_BYTES = 1024;

/**
 * What every moderation write checks first: a same-site POST to a show, from the host or a
 * moderator, within their allowance (staff who never joined have no person yet: they share one
 * allowance per role).
 */
async function acceptModeration(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Caller> {
  await acceptPost(context, request, room);
  const caller = await requireStaff(context, request);
  const key = caller.person.isNew ? `staff:${caller.staff ?? 'none'}` : caller.person.id;
  await takeOrRefuse(context.limits.moderation, key, 'moderation requests');
  return caller;
}

export async function deleteMessage(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  const caller = await acceptModeration(context, request, room);
  const id = checkMessageId((await readJsonObject(request, MAX_BODY_BYTES)).id);
  const at = context.now();
  const removed = await context.database.chat.remove(room, id, caller.person.id, at);
  if (!removed)
    throw new ShowServerError('not_found', 'No such message (or it is deleted already).');
  await context.database.shows.record({
    room,
    kind: 'chat.delete',
    person: caller.person.id,
    detail: id,
    at,
  });
  context.outbox.push(room, { type: 'chat.delete', id });
  return json({ id, deleted: true });
}

/** `POST { person, muted }`: a person from a chat message's `from.person`. */
export async function setMuted(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  const caller = await acceptModeration(context, request, room);
  const body = await readJsonObject(request, MAX_BODY_BYTES);
  if (!isPersonId(body.person) || typeof body.muted !== 'boolean') {
    throw new ShowServerError(
      'invalid_request',
      'Give person (from a message) and muted: true or false.',
    );
  }
  if (body.person === caller.person.id) {
    throw new ShowServerError('forbidden', 'You cannot mute yourself.');
  }
  const at = context.now();
  await context.database.mutes.set(room, body.person, body.muted, caller.person.id, at);
  await context.database.shows.record({
    room,
    kind: body.muted ? 'mute' : 'unmute',
    person: body.person,
    detail: caller.person.id,
    at,
  });
  context.outbox.push(room, { type: 'mute', person: body.person, muted: body.muted });
  return json({ person: body.person, muted: body.muted });
}

/** Who is muted in this show, for the host's and moderators' lists. */
export async function listMuted(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  requireMethod(request, 'GET');
  await requireShow(context, room);
  await requireStaff(context, request);
  return json({ muted: await context.database.mutes.list(room) });
}
