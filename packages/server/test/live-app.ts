// A show's server mounted on node:http, a livekit-server that sends it webhooks, and the harness
// room page served from the same origin (so pages get tokens and cookies like a real app).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePage, freeTcpPort, roomPageEntry, startLiveKitServer } from '@show/harness';
import {
  createRoomService,
  createTokenMinter,
  createWebhookReceiver,
  type TokenMinter,
} from '@show/token';
import {
  createSessions,
  createShowServer,
  openShowStorage,
  type ShowServer,
  type ShowServerOptions,
  type ShowStorage,
} from '../src/index';

/** The live app's sessions: plain HTTP on 127.0.0.1, so cookies without `Secure`. */
export const liveSessions = () =>
  createSessions('a-session-secret-for-the-live-tests!!', {
    secure: false,
    passcodes: { host: 'live-host-passcode', moderator: 'live-moderator-passcode' },
  });

export type Backend = 'embedded' | 'shared';

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(message.url ?? '/', origin), {
    method: message.method ?? 'GET',
    headers,
    ...(body && message.method !== 'GET' && message.method !== 'HEAD' && { body }),
  });
}

async function send(response: Response, out: ServerResponse) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  out.writeHead(response.status, headers);
  out.end(Buffer.from(await response.arrayBuffer()));
}

export interface LiveApp {
  url: string;
  wsUrl: string;
  server: ShowServer;
  /** Mints with the LiveKit server's own keys (for joins that bypass the app). */
  minter: TokenMinter;
  storage: ShowStorage;
  liveKitLog: string;
  /** What the server reported to `onError` (failed deliveries, say). */
  errors: unknown[];
  close(): Promise<void>;
}

export async function startLiveApp(
  backend: Backend,
  shared: { postgresUrl: string; redisUrl: string },
  options: Partial<ShowServerOptions> = {},
): Promise<LiveApp> {
  const port = (await freeTcpPort()) as number;
  const url = `http://127.0.0.1:${port}`;
  const livekit = await startLiveKitServer({
    name: `server-${backend}`,
    webhookUrls: [`${url}/api/livekit/webhook`],
  });
  const credentials = { apiKey: livekit.apiKey, apiSecret: livekit.apiSecret };
  const minter = createTokenMinter({ ...credentials, requireStrongSecret: false });
  const folder = mkdtempSync(join(tmpdir(), 'show-server-live-'));
  const storage = await openShowStorage(
    backend === 'shared'
      ? { databaseUrl: shared.postgresUrl, redisUrl: shared.redisUrl }
      : { databaseUrl: `sqlite:${join(folder, 'show.sqlite')}` },
  );
  const errors: unknown[] = [];
  const server = createShowServer({
    minter,
    roomService: createRoomService({ url: livekit.httpUrl, minter }),
    webhooks: createWebhookReceiver(credentials),
    sessions: await liveSessions(),
    database: storage.database,
    hot: storage.hot,
    production: false,
    onError: (error) => errors.push(error),
    ...options,
  });
  const { script, page } = await bundlePage(roomPageEntry, 'Show server live test');
  const http = createServer((message, out) => {
    void (async () => {
      if (message.url === '/bundle.js') {
        out.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
        return;
      }
      if (message.url === '/') {
        out.writeHead(200, { 'content-type': 'text/html' }).end(page);
        return;
      }
      const response = await server.handle(await toRequest(message, url));
      if (response) await send(response, out);
      else out.writeHead(404).end();
    })().catch((error: unknown) => {
      errors.push(error);
      out.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    url,
    wsUrl: livekit.wsUrl,
    server,
    minter,
    storage,
    liveKitLog: livekit.logFile,
    errors,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()).closeAllConnections());
      await server.close();
      await livekit.stop();
      await storage.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
