// Real deliveries: a livekit-server configured with our endpoint as its webhook URL.
import { createServer, type Server } from 'node:http';
import { startLiveKitServer } from '@show/harness';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createWebhookReceiver, isTokenError, type WebhookEvent } from './node';

// Keys of our own choosing, so one receiver (its key prepared once) serves every delivery.
const apiKey = 'APIwebhookTest';
const apiSecret = 'a-webhook-test-secret-of-32-bytes-plus';
const receiver = createWebhookReceiver({ apiKey, apiSecret });
const received: WebhookEvent[] = [];
const refused: string[] = [];
let endpoint: Server;
let livekit: Awaited<ReturnType<typeof startLiveKitServer>>;

beforeAll(async () => {
  endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver
        .receive(Buffer.concat(chunks).toString('utf8'), request.headers.authorization)
        .then((event) => received.push(event))
        .catch((error: unknown) => refused.push(isTokenError(error) ? error.code : String(error)))
        .finally(() => response.writeHead(200).end());
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const address = endpoint.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  livekit = await startLiveKitServer({
    name: 'webhooks',
    apiKey,
    apiSecret,
    webhookUrls: [`http://127.0.0.1:${port}/webhook`],
  });
});

afterAll(async () => {
  await livekit?.stop();
  await new Promise((resolve) => endpoint?.close(resolve));
});

test('room_started and room_finished from the real server verify and parse', async () => {
  const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  const name = `webhook-${Date.now()}`;
  await rooms.createRoom({ name, emptyTimeout: 60 });
  await expect
    .poll(() => received.map((e) => e.event), { timeout: 15_000 })
    .toContain('room_started');
  await rooms.deleteRoom(name);
  await expect
    .poll(() => received.map((e) => e.event), { timeout: 15_000 })
    .toContain('room_finished');

  const started = received.find((e) => e.event === 'room_started');
  expect(started).toMatchObject({ room: { name }, id: expect.stringMatching(/^EV_/) });
  expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
  expect(refused).toEqual([]);
});
