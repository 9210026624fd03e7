// The security suite: attacks played against the built demo, each refused, while honest people
// carry on. Most run against a second `next start` of the same build behind nginx (Debian's),
// configured as production is (TRUSTED_PROXY_HOPS=1); the attacker and the host connect from
// different loopback addresses, as two machines would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort, startReverseProxy } from '@show/harness';
import { createTokenMinter } from '@show/token';
import { expect, test } from '@playwright/test';

const HOST_PASSCODE = process.env.SHOW_HOST_PASSCODE ?? '';
const ATTACKER = '127.0.0.66';

let app: ChildProcess | undefined;
let proxy: Awaited<ReturnType<typeof startReverseProxy>> | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freeTcpPort();
  app = spawn(
    'pnpm',
    ['exec', 'next', 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      env: {
        ...process.env,
        TRUSTED_PROXY_HOPS: '1',
        DATABASE_URL: `sqlite:${join(tmpdir(), `show-attacks-${randomBytes(6).toString('hex')}.sqlite`)}`,
      },
      stdio: 'ignore',
      detached: true,
    },
  );
  const upstream = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${upstream}/moderate`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
  proxy = await startReverseProxy({ upstream, name: 'attacks' });
});

test.afterAll(async () => {
  await proxy?.stop();
  if (app?.pid) process.kill(-app.pid, 'SIGTERM');
});

/** One request from `localAddress` (another machine, as nginx sees it), redirects not followed. */
function send(
  url: string,
  {
    localAddress,
    method = 'GET',
    headers = {},
    body,
  }: { localAddress: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers, localAddress }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const rotating = (i: number) => `10.${i >> 8}.${i & 255}.7`;

test('an attacker flooding sign-in with rotating X-Forwarded-For is stopped; the host signs in from a fresh browser meanwhile', async ({
  browser,
}) => {
  const base = proxy?.url ?? '';
  const flood = (async () => {
    const answers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await send(`${base}/api/staff/sign-in?role=host`, {
        localAddress: ATTACKER,
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': rotating(i),
        },
        body: `passcode=guess-${i}`,
      });
      answers.push(String(response.headers.location));
    }
    return answers;
  })();

  const context = await browser.newContext({ baseURL: base });
  const host = await context.newPage();
  await host.goto('/studio');
  await host.getByLabel('Passcode').fill(HOST_PASSCODE);
  await host.getByRole('button', { name: 'Sign in' }).click();
  await expect(host.getByRole('heading', { name: /^Studio ·/ })).toBeVisible();

  const answers = await flood;
  expect(answers.filter((a) => a === '/studio?error=wrong')).toHaveLength(10);
  expect(answers.filter((a) => a === '/studio?error=too-many')).toHaveLength(30);
  // The attacker's eleventh try is refused even with the right passcode.
  const late = await send(`${base}/api/staff/sign-in?role=host`, {
    localAddress: ATTACKER,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `passcode=${encodeURIComponent(HOST_PASSCODE)}`,
  });
  expect(late.headers.location).toBe('/studio?error=too-many');
  expect(late.headers['set-cookie']).toBeUndefined();

  // The host's session: HTTPS-only, host-only, script-proof.
  const cookie = (await context.cookies()).find((c) => c.name === '__Host-show_host');
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });

  // Signing out is a button (a form post), and it ends the session.
  await host.getByRole('button', { name: 'Sign out' }).click();
  await expect(host).toHaveURL(`${base}/`);
  expect((await context.cookies()).map((c) => c.name)).not.toContain('__Host-show_host');
  await host.goto('/studio');
  await expect(host.getByLabel('Passcode')).toBeVisible();
  await context.close();
});

test('rotating X-Forwarded-For buys no extra tokens; someone at another address is served', async () => {
  const base = proxy?.url ?? '';
  const statuses: number[] = [];
  // Without a session each request is a newcomer: 120 a minute per address.
  for (let i = 0; i < 122; i++) {
    const response = await send(`${base}/api/livekit/token?room=spring-drop&username=Flood`, {
      localAddress: '127.0.0.77',
      headers: { 'X-Forwarded-For': rotating(i) },
    });
    statuses.push(response.status);
  }
  expect(statuses.filter((s) => s === 200)).toHaveLength(120);
  expect(statuses.slice(120)).toEqual([429, 429]);
  const neighbour = await send(`${base}/api/livekit/token?room=spring-drop&username=Ana`, {
    localAddress: '127.0.0.78',
  });
  expect(neighbour.status).toBe(200);
});

test('with no proxy trusted (the default), the header is ignored: a person is limited as a person', async ({
  playwright,
  baseURL,
}) => {
  const client = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    const response = await client.get('/api/livekit/token?room=spring-drop&username=Flood', {
      headers: { 'X-Forwarded-For': rotating(i) },
    });
    statuses.push(response.status());
  }
  // The first as a newcomer, thirty as that person, then refused.
  expect(statuses.slice(0, 31).every((s) => s === 200)).toBe(true);
  expect(statuses[31]).toBe(429);
  await client.dispose();
});

test('a page of another site cannot sign a browser in with a passcode it knows (login CSRF)', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const answers: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/staff/sign-in')) answers.push(response.status());
  });
  await page.setContent(
    `<form method="post" action="${baseURL}/api/staff/sign-in?role=host">
       <input name="passcode" value="${HOST_PASSCODE}"><button>Go</button></form>`,
  );
  await page.getByRole('button', { name: 'Go' }).click();
  await expect.poll(() => answers).toEqual([403]);
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('tokens only for the show; LiveKit makes no room on its own, and the show room has a ceiling', async ({
  request,
}) => {
  const elsewhere = await request.get('/api/livekit/token?room=free-rooms&username=Mallory');
  expect(elsewhere.status()).toBe(400);
  expect((await request.get('/api/livekit/token?room=spring-drop&username=Ana')).status()).toBe(
    200,
  );
  const minter = createTokenMinter({
    apiKey: process.env.LIVEKIT_API_KEY ?? '',
    apiSecret: process.env.LIVEKIT_API_SECRET ?? '',
  });
  const livekit = (process.env.NEXT_PUBLIC_LIVEKIT_URL ?? '').replace(/^ws/, 'http');
  const listed = await fetch(`${livekit}/twirp/livekit.RoomService/ListRooms`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await minter.mintServerToken({ roomList: true })}`,
      'Content-Type': 'application/json',
    },
    body: '{}',
  });
  // Twirp answers JSON with the protobuf field names.
  const { rooms = [] } = (await listed.json()) as {
    rooms?: Array<{ name: string; max_participants?: number }>;
  };
  expect(rooms.map((room) => room.name)).not.toContain('free-rooms');
  expect(rooms.find((room) => room.name === 'spring-drop')?.max_participants).toBe(1000);
});
