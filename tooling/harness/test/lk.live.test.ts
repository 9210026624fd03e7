// The lk CLI that later load tests drive, provisioned by the harness, against the run's server.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RoomServiceClient } from 'livekit-server-sdk';
import { expect, inject, test } from 'vitest';
import { ensureGoTool, LK_CLI } from '../src/index.mjs';

const livekit = inject('livekit');

test('lk creates a room on the local server that the server API then lists', async () => {
  const lk = await ensureGoTool(LK_CLI, { envVar: 'LK_BIN' });
  const env = {
    ...process.env,
    LIVEKIT_URL: livekit.httpUrl,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
  };
  const room = `lk-${Date.now()}`;
  await promisify(execFile)(lk, ['room', 'create', room], { env, timeout: 20_000 });
  const { stdout } = await promisify(execFile)(lk, ['room', 'list', '--json'], {
    env,
    timeout: 20_000,
  });
  const listed = (JSON.parse(stdout) as { rooms: { name: string }[] }).rooms.map((r) => r.name);
  expect(listed).toContain(room);

  const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  expect((await rooms.listRooms([room])).map((r) => r.name)).toEqual([room]);
});
