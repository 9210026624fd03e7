// The host pins products through the server: the pins are logged with their time (for the replay
// and the figures after the show), then set as the host's `show.pins` attribute, which every page
// reads (late joiners at once).
import { isTokenError } from '@show/token';
import { acceptPost, requireStaff, type ShowServerContext } from '../context';
import { json, readJsonObject } from '../http';
import { HOST_IDENTITY } from '../identity';
import { ShowServerError } from '../server-error';

/** As many as the UI shows. */
export const MAX_PINS = 3;
export const PINS_ATTRIBUTE = 'show.pins';
const PRODUCT_ID = /^[\w-]{1,64}$/;

export function checkPins(value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    !value.every((id) => typeof id === 'string' && PRODUCT_ID.test(id))
  ) {
    throw new ShowServerError('invalid_request', 'ids must be a list of product ids.');
  }
  const ids = [...new Set(value as string[])];
  if (ids.length > MAX_PINS) {
    throw new ShowServerError('invalid_request', `At most ${MAX_PINS} products can be pinned.`);
  }
  return ids;
}

/** `POST { ids }`, the host only. */
export async function setPins(
  context: ShowServerContext,
  request: Request,
  room: string,
): Promise<Response> {
  await acceptPost(context, request, room);
  const caller = await requireStaff(context, request);
  if (caller.staff !== 'host') throw new ShowServerError('forbidden', 'Only the host pins.');
  const ids = checkPins((await readJsonObject(request, 1024)).ids);
  const at = context.now();
  await context.database.shows.record({ room, kind: 'pin', detail: JSON.stringify(ids), at });
  try {
    await context.roomService.updateAttributes(room, HOST_IDENTITY, {
      [PINS_ATTRIBUTE]: JSON.stringify(ids),
    });
  } catch (cause) {
    if (isTokenError(cause) && cause.code === 'participant_not_found') {
      throw new ShowServerError('invalid_request', 'The host is not in the room: join first.', {
        cause,
      });
    }
    throw new ShowServerError('livekit_unavailable', 'LiveKit did not take the pins.', { cause });
  }
  return json({ ids, at });
}
