import { createRoomService, createTokenMinter, type RoomService } from '@show/token';
import { SHOW_ROOM } from '../../../../../lib/catalog';
import { handleChatMute } from '../../../../../lib/chat-mute';
import { readConfig } from '../../../../../lib/config';
import { showState } from '../../../../../lib/show-state';

export const dynamic = 'force-dynamic';

let cached: { key: string; rooms: RoomService } | undefined;

/** The host or a moderator mutes (or unmutes) a viewer's chat: see lib/chat-mute.ts. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ room: string }> },
): Promise<Response> {
  const { room } = await params;
  if (room !== SHOW_ROOM) {
    return Response.json(
      { error: { code: 'not_found', message: 'No such show.' } },
      { status: 404 },
    );
  }
  const result = readConfig();
  if (!result.ok) {
    return Response.json({ error: { code: 'not_configured' } }, { status: 503 });
  }
  const { apiKey, apiSecret, serverUrl } = result.config;
  const key = `${serverUrl}\u0000${apiKey}\u0000${apiSecret}`;
  if (cached?.key !== key) {
    const minter = createTokenMinter({ apiKey, apiSecret, requireStrongSecret: false });
    cached = { key, rooms: createRoomService({ url: serverUrl, minter }) };
  }
  return handleChatMute(request, room, { apiSecret, rooms: cached.rooms, state: showState() });
}
