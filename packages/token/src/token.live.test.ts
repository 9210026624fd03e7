/// <reference types="@show/harness/vitest-context" />
// Our tokens against the real livekit-server, joined from real Chromium pages.
import { readFileSync } from 'node:fs';
import { launchChromium, openRoomPage, serveRoomPage } from '@show/harness';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, test, vi } from 'vitest';
import { createRoomService, createTokenMinter, type MintOptions } from './node';

const livekit = inject('livekit');
// `livekit-server --dev` keys: the dev secret is short, so this minter opts out of the length check.
const minter = createTokenMinter({
  apiKey: livekit.apiKey,
  apiSecret: livekit.apiSecret,
  requireStrongSecret: false,
});
const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
const room = `token-live-${Date.now()}`;

let browser: Browser;
let site: Awaited<ReturnType<typeof serveRoomPage>>;
const pages: Page[] = [];

beforeAll(async () => {
  [site, browser] = await Promise.all([serveRoomPage(), launchChromium()]);
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function join(token: string) {
  const page = await openRoomPage(browser, site.url);
  pages.push(page);
  const result = await page.evaluate(([url, jwt]) => window.harness.join(url, jwt), [
    livekit.wsUrl,
    token,
  ] as const);
  return { page, result };
}

const mint = (options: Partial<MintOptions> & Pick<MintOptions, 'identity' | 'role'>) =>
  minter.mint({ room, ...options });

async function tracksOf(identity: string, inRoom = room) {
  const participant = (await rooms.listParticipants(inRoom)).find((p) => p.identity === identity);
  return participant?.tracks.map((t) => t.source) ?? null;
}

test('a host token publishes camera and microphone', async () => {
  const { page, result } = await join(await mint({ identity: 'host', role: 'host' }));
  expect(result).toMatchObject({ ok: true, identity: 'host', room });
  await page.evaluate(() => window.harness.publishCameraAndMicrophone());
  // TrackSource enum of the server API: CAMERA = 1, MICROPHONE = 2.
  await expect
    .poll(async () => (await tracksOf('host'))?.sort(), { timeout: 15_000 })
    .toEqual([1, 2]);
});

test('a viewer token joins and receives the show, but the server refuses its publish', async () => {
  const { page, result } = await join(await mint({ identity: 'viewer', role: 'viewer' }));
  expect(result).toMatchObject({ ok: true, identity: 'viewer' });
  await expect
    .poll(() => page.evaluate(() => window.harness.videoReceiveStats()), { timeout: 15_000 })
    .toMatchObject({ tracks: 1 });

  const attempt = await page.evaluate(() => window.harness.publishCameraDespitePermissions(8000));
  expect(attempt).not.toBe('published');
  expect(await tracksOf('viewer')).toEqual([]);
  // The refusal came from the server, not from livekit-client.
  expect(readFileSync(livekit.logFile, 'utf8')).toContain('no permission to publish track');
});

test('an expired token is refused', async () => {
  vi.useFakeTimers({ now: Date.now() - 5 * 60_000, toFake: ['Date'] });
  const token = await mint({ identity: 'late', role: 'viewer', ttlSeconds: 60 });
  vi.useRealTimers();
  const { result } = await join(token);
  expect(result).toMatchObject({ ok: false, status: 401 });
});

test('a token signed with another secret is refused', async () => {
  const forger = createTokenMinter({
    apiKey: livekit.apiKey,
    apiSecret: 'not-the-server-secret-but-32-bytes!',
  });
  const { result } = await join(await forger.mint({ identity: 'mallory', room, role: 'host' }));
  expect(result).toMatchObject({ ok: false, status: 401 });
  expect(await tracksOf('mallory')).toBeNull();
});

test('a token for another room lets nobody into this one', async () => {
  const other = `${room}-other`;
  const { result } = await join(
    await minter.mint({ identity: 'wanderer', room: other, role: 'viewer' }),
  );
  expect(result).toMatchObject({ ok: true, room: other });
  expect(await tracksOf('wanderer', other)).toEqual([]);
  expect(await tracksOf('wanderer')).toBeNull();
});

test("the room service mutes a viewer's chat and unmutes it; nothing else of the viewer changes", async () => {
  const service = createRoomService({ url: livekit.wsUrl, minter });
  const { page, result } = await join(await mint({ identity: 'chatty', role: 'viewer' }));
  expect(result).toMatchObject({ ok: true });
  const permission = async () =>
    (await rooms.listParticipants(room)).find((p) => p.identity === 'chatty')?.permission;
  const clientSees = () => page.evaluate(() => window.harness.permissions());

  await service.setChatMuted(room, 'chatty', true);
  expect(await permission()).toMatchObject({
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    canUpdateMetadata: false,
  });
  // The server tells the client, which is what the chat box reads.
  await expect.poll(clientSees, { timeout: 5000 }).toMatchObject({ canPublishData: false });

  await service.setChatMuted(room, 'chatty', false);
  expect(await permission()).toMatchObject({ canPublish: false, canPublishData: true });
  await expect.poll(clientSees, { timeout: 5000 }).toMatchObject({ canPublishData: true });

  const missing = await service.setChatMuted(room, 'nobody-here', true).catch((e: unknown) => e);
  expect(missing).toMatchObject({ code: 'participant_not_found' });
  // A token signed with the wrong secret is refused by the server, and said so without the token.
  const elsewhere = createRoomService({
    url: livekit.wsUrl,
    minter: createTokenMinter({
      apiKey: livekit.apiKey,
      apiSecret: 'wrong-secret-but-thirty-two-bytes!!',
    }),
  });
  const refused = await elsewhere.setChatMuted(room, 'chatty', true).catch((e: unknown) => e);
  expect(refused).toMatchObject({ code: 'room_service_failed' });
  expect(String((refused as Error).message)).toMatch(/answered 401/);
});

test('createRoom opens a room with a ceiling LiveKit enforces; creating it again changes nothing', async () => {
  const service = createRoomService({ url: livekit.wsUrl, minter });
  const small = `token-small-${Date.now()}`;
  await service.createRoom(small, { maxParticipants: 1 });
  await service.createRoom(small, { maxParticipants: 1 });
  const listed = await rooms.listRooms([small]);
  expect(listed.map((r) => [r.name, r.maxParticipants])).toEqual([[small, 1]]);
  const first = await join(await minter.mint({ identity: 'first', room: small, role: 'viewer' }));
  expect(first.result).toMatchObject({ ok: true });
  const second = await join(await minter.mint({ identity: 'second', room: small, role: 'viewer' }));
  expect(second.result).toMatchObject({ ok: false });
});
