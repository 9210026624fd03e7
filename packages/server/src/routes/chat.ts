// Chat through the server: validated, limited per person, refused for the muted, stored, then
// delivered to the room in the server's name. Late joiners read the history.
import { checkChatText, checkMessageId } from '../chat-rules';
import {
  callerOf,
  joinedCaller,
  acceptPost,
  requireShow,
  takeOrRefuse,
  type ShowServerContext,
} from '../context';
import { json, readJsonObject, requireMethod } from '../http';
import { ShowServerError } from '../server-error';
import { randomId } from '../signing';
import type { StoredChatMessage } from '../storage/types';
import type { WireChatMessage } from '../wire';

const MAX_CHAT_BODY_BYTES = 4096;

export function toWire(message: StoredChatMessage): WireChatMessage {
  return {
    id: message.id,
    seq: message.seq,
    text: message.text,
    sentAt: message.sentAt,
    from: { person: message.person, name: message.name, role: message.role },
  };
}

/** What a page reads when it joins (and after a reconnect): history, its own mute, the count. */
export interface ChatHistoryBody {
  messages: WireChatMessage[];
  /** Whether this person's chat is muted. */
  muted: boolean;
  viewers: number;
  /** For the host and moderators: who is muted. */
  mutedPeople?: string[];
  /** The caller's person (what `from.person` says on their messages), once they have joined. */
  person?: string;
}

export async function readHistory(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  requireMethod(request, 'GET');
  await requireShow(context, room);
  const caller = await callerOf(context, request);
  const [recent, muted, viewers, mutedPeople] = await Promise.all([
    context.database.chat.recent(room, context.rules.historySize),
    caller.person.isNew ? false : context.database.mutes.isMuted(room, caller.person.id),
    context.hot.presence.count(room),
    caller.staff ? context.database.mutes.list(room) : undefined,
  ]);
  const body: ChatHistoryBody = {
    messages: recent.map(toWire),
    muted,
    viewers,
    ...(mutedPeople && { mutedPeople }),
    ...(!caller.person.isNew && { person: caller.person.id }),
  };
  return json(body);
}

export async function sendChat(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  const started = performance.now();
  await acceptPost(context, request, room);
  const caller = await joinedCaller(context, request);
  const body = await readJsonObject(request, MAX_CHAT_BODY_BYTES);
  const text = checkChatText(body.text, context.rules);
  const id = body.id === undefined ? randomId(12) : checkMessageId(body.id);
  const person = caller.person.id;
  // A retry of a message already stored is acknowledged again (not limited, not delivered twice).
  const stored = body.id === undefined ? undefined : await context.database.chat.find(room, id);
  if (stored) {
    if (stored.person !== person) {
      throw new ShowServerError('invalid_request', 'That message id is taken: send a new one.');
    }
    return json({ message: toWire(stored) }, 200);
  }
  if (!caller.staff && (await context.database.mutes.isMuted(room, person))) {
    throw new ShowServerError('muted', 'A moderator has muted your chat.');
  }
  await takeOrRefuse(context.limits.chat, `${room}:${person}`, 'messages');
  const storing = performance.now();
  const { message, created } = await context.database.chat.append({
    id,
    room,
    person,
    name: caller.name,
    role: caller.role,
    text,
    sentAt: context.now(),
  });
  if (message.person !== person) {
    throw new ShowServerError('invalid_request', 'That message id is taken: send a new one.');
  }
  // A retry of a message already stored is acknowledged again, not delivered twice.
  if (created) context.outbox.push(room, { type: 'chat', ...toWire(message) });
  // Where a message's time goes, for browsers' dev tools and load tests (durations only).
  const done = performance.now();
  return json({ message: toWire(message) }, created ? 201 : 200, {
    'Server-Timing': `store;dur=${(done - storing).toFixed(1)}, total;dur=${(done - started).toFixed(1)}`,
  });
}
