// LiveKit's webhooks keep the show's state: status, who is watching (by person), the peak. Each
// event is applied once across instances and restarts (its id, remembered in the hot store).
import { isTokenError, type WebhookEvent } from '@show/token';
import type { ShowServerContext } from '../context';
import { json, readText, requireMethod } from '../http';
import { HOST_IDENTITY } from '../identity';
import { audiencePerson } from '../presence-reconciler';
import { isProbeRoom, type ProbeAnswer } from '../probe-room';
import { seatOf } from '../seat';
import type { ShowEvent } from '../observer';
import { ShowServerError } from '../server-error';
import { HOST_STATUS_ATTRIBUTE } from '../wire';

/** LiveKit retries a webhook for a while; a day covers it with room to spare. */
const SEEN_TTL_MS = 24 * 3600 * 1000;
const MAX_WEBHOOK_BYTES = 64 * 1024;
/** Older (or further ahead) than this, by `createdAt`, is a replay or a broken clock. */
const MAX_EVENT_AGE_MS = 10 * 60 * 1000;

/** Where the host's connections are counted (room names cannot contain '#'). */
export const hostKey = (room: string) => `${room}#host`;
/** Where moderators' connections are kept: not audience, but they watch (and report) too. */
export const staffKey = (room: string) => `${room}#staff`;

function isStaff(event: WebhookEvent): boolean {
  const seat = event.participant && seatOf(event.participant);
  return seat === 'host' || seat === 'staff';
}

export async function applyWebhook(context: ShowServerContext, event: WebhookEvent): Promise<void> {
  const room = event.room?.name;
  if (room && isProbeRoom(room)) {
    if (event.event === 'room_started') await answerProbe(context, room, event);
    return;
  }
  // Rooms that are no show (made by hand, or by an old LiveKit that auto-creates) keep no state.
  if (!room || !(await context.isShow(room))) return;
  // A recorder or an agent in the room is neither audience nor staff: it changes nothing.
  if (event.participant && seatOf(event.participant) === 'machine') return;
  const { shows } = context.database;
  const presence = context.hot.presence;
  const at = context.now();
  const identity = event.participant?.identity;
  // Our tokens' identities are `<person>.<connection>`; a participant with a token minted elsewhere
  // (a load generator, a recorder, your own backend) is a person of its own.
  const person = identity ? audiencePerson(identity) : undefined;
  if (identity) context.reconciler.touch(room);
  const viewers = (count: number) => context.outbox.push(room, { type: 'viewers', count });
  let endedBy: ShowEvent['endedBy'];

  switch (event.event) {
    case 'room_started':
      // LiveKit's own time of the start: whoever LiveKit lists as joined before it was in the room
      // on a node that died (it keeps listing them until the room ends), not in this one.
      await shows.record({
        room,
        kind: 'room',
        detail: 'started',
        at: Number.isFinite(Number(event.createdAt)) ? Number(event.createdAt) * 1000 : at,
      });
      if ((await shows.show(room)).status === 'live') {
        // A live show's room started again: its node died and another node took the room over
        // (the dead node sends no participant_left, no room_finished). The show goes on: its
        // status and audience stay (those who come back rejoin as the same connections, those
        // who do not are dropped by the reconciler, soon); the host's old connections are gone.
        await presence.clear(hostKey(room));
        await shows.record({ room, kind: 'status', detail: 'moved', at });
        // Those who come back do within seconds; the count is checked soon, not in 30 s.
        context.reconciler.soon(room);
        break;
      }
      await Promise.all([room, hostKey(room), staffKey(room)].map((key) => presence.clear(key)));
      await shows.setStatus(room, 'upcoming', at);
      await shows.record({ room, kind: 'status', detail: 'upcoming', at });
      break;
    case 'room_finished':
      endedBy = 'room_closed';
      await Promise.all([room, hostKey(room), staffKey(room)].map((key) => presence.clear(key)));
      await shows.setStatus(room, 'ended', at);
      await shows.record({ room, kind: 'status', detail: 'ended', at });
      break;
    case 'participant_joined':
      if (identity === HOST_IDENTITY && event.participant?.sid) {
        // A second studio tab takes over the host identity: track connections, not the identity.
        await presence.join(hostKey(room), HOST_IDENTITY, event.participant.sid);
        break;
      }
      if (!person || !identity) break;
      if (isStaff(event)) {
        await presence.join(staffKey(room), person, identity);
        break;
      }
      {
        const count = await presence.join(room, person, identity);
        await shows.raisePeak(room, count, at);
        await shows.record({ room, kind: 'join', person, at });
        viewers(count);
      }
      break;
    case 'participant_left':
    case 'participant_connection_aborted':
      if (identity === HOST_IDENTITY) {
        const sid = event.participant?.sid ?? '';
        const hostsLeft = await presence.leave(hostKey(room), HOST_IDENTITY, sid);
        if (hostsLeft === 0 && (await shows.show(room)).status === 'live') {
          // The studio announces `ended` before it leaves; without it, the host dropped out.
          const said = event.participant?.attributes?.[HOST_STATUS_ATTRIBUTE];
          endedBy = said === 'ended' ? 'host' : 'disconnect';
          await shows.setStatus(room, 'ended', at);
          await shows.record({ room, kind: 'status', detail: 'ended', at });
          if (endedBy === 'host') context.closer.closeLater(room);
        }
      } else if (person && identity && isStaff(event)) {
        await presence.leave(staffKey(room), person, identity);
      } else if (person && identity) {
        const count = await presence.leave(room, person, identity);
        await shows.record({ room, kind: 'leave', person, at });
        viewers(count);
      }
      break;
    case 'track_published':
      if (identity === HOST_IDENTITY && (await shows.show(room)).status !== 'live') {
        await shows.setStatus(room, 'live', at);
        await shows.record({ room, kind: 'status', detail: 'live', at });
      }
      break;
  }
  const aboutTheShow =
    event.event === 'room_started' || event.event === 'room_finished' || identity === HOST_IDENTITY;
  if (aboutTheShow && context.observe.show) {
    const [show, hosts] = await Promise.all([
      shows.show(room),
      presence.connections(hostKey(room), HOST_IDENTITY),
    ]);
    context.observe.show({
      room,
      status: show.status,
      hostConnections: hosts.length,
      ...(endedBy && { endedBy }),
    });
  }
}

/** Tells show-doctor its probe's webhook arrived (see probe-room.ts). */
async function answerProbe(context: ShowServerContext, room: string, event: WebhookEvent) {
  const createdAt = Number(event.createdAt) * 1000;
  const answer: ProbeAnswer = {
    webhook: 'received',
    ...(createdAt > 0 && { lagMs: Math.max(0, context.now() - createdAt) }),
  };
  await context.roomService.updateRoomMetadata?.(room, JSON.stringify(answer));
}

export async function receiveWebhook(
  context: ShowServerContext,
  request: Request,
): Promise<Response> {
  requireMethod(request, 'POST');
  const authorization = request.headers.get('authorization');
  if (!authorization) throw new ShowServerError('unauthorized', 'The webhook is not signed.');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) {
    throw new ShowServerError('payload_too_large', 'The webhook is too large.');
  }
  let event: WebhookEvent;
  try {
    event = await context.webhooks.receive(
      await readText(request, MAX_WEBHOOK_BYTES),
      authorization,
    );
  } catch (cause) {
    if (!isTokenError(cause)) throw cause;
    throw new ShowServerError('unauthorized', 'The webhook could not be verified.', { cause });
  }
  // A replay of an old event, even one properly signed, is refused like any bad webhook: LiveKit
  // signs for 5 minutes and retries within that; seen ids are kept far longer (a day).
  const createdAt = Number(event.createdAt) * 1000;
  if (Number.isFinite(createdAt) && Math.abs(context.now() - createdAt) > MAX_EVENT_AGE_MS) {
    throw new ShowServerError('unauthorized', 'The webhook could not be verified.');
  }
  const key = `webhook:${event.id}`;
  const first = await context.hot.firstTime(key, SEEN_TTL_MS);
  if (first) {
    try {
      await applyWebhook(context, event);
      context.observe.webhook({
        event: event.event,
        lagSeconds: Number.isFinite(createdAt)
          ? Math.max(0, context.now() - createdAt) / 1000
          : undefined,
      });
    } catch (error) {
      // Not applied: LiveKit's retry of this event must not be taken for a duplicate.
      await context.hot.forget(key).catch(() => {});
      throw error;
    }
  }
  return json({ ok: true, duplicate: !first });
}
