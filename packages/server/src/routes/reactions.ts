// Reactions: limited per person, summed by the outbox into one count per delivery slot, and
// tallied for the seller's figures.
import { acceptPost, joinedCaller, takeOrRefuse, type ShowServerContext } from '../context';
import { json } from '../http';

export async function react(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  await acceptPost(context, request, room);
  const caller = await joinedCaller(context, request);
  await takeOrRefuse(context.limits.reactions, `${room}:${caller.person.id}`, 'reactions');
  await request.body?.cancel();
  context.outbox.push(room, { type: 'reactions', count: 1 });
  context.reactions.add(room, 1);
  return json({ accepted: true }, 202);
}
