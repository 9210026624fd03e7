import { createRoomService, type RoomService, type TokenMinter } from '@show/token';
import { SHOW_ROOM } from '../../../../../lib/catalog';
import { handleChatMute } from '../../../../../lib/chat-mute';
import { readConfig } from '../../../../../lib/config';
import { minterFor } from '../../../../../lib/minter';
import { showState } from '../../../../../lib/show-state';

export const dynamic = 'force-dynamic';

let cached: { minter: TokenMinter; url: string; rooms: RoomService } | undefined;

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
  const { config } = result;
  const minter = minterFor(config);
  if (cached?.minter !== minter || cached.url !== config.serverUrl) {
    cached = {
      minter,
      url: config.serverUrl,
      rooms: createRoomService({ url: config.serverUrl, minter }),
    };
  }
  return handleChatMute(request, room, {
    apiSecret: config.apiSecret,
    rooms: cached.rooms,
    state: showState(),
  });
}
