// Chat through the server (@show/server: HTTP in, LiveKit SendData out, batched) against the peer
// data path (a participant's publishData to everyone), side by side in one run on one
// livekit-server: messages accepted per second, delivery latency p50/p95 (send → each viewer's
// DataReceived, one machine, one clock), and data packets each viewer receives per second, at 20
// and at 200 messages a second.
// Run: pnpm --filter @show/server bench   (uses dist/: turbo builds it first)
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePage, freeTcpPort, launchChromium, startLiveKitServer } from '@show/harness';
import { createRoomService, createTokenMinter, createWebhookReceiver } from '@show/token';
import { createSessions, createShowServer, openShowStorage } from '../dist/index.js';

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RATES = [20, 200];
const SENDERS = 50;
const ROOM = 'bench-chat';

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const livekit = await startLiveKitServer({ name: 'bench' });
const credentials = { apiKey: livekit.apiKey, apiSecret: livekit.apiSecret };
const minter = createTokenMinter({ ...credentials, requireStrongSecret: false });
const folder = mkdtempSync(join(tmpdir(), 'show-bench-'));
const storage = await openShowStorage({ databaseUrl: `sqlite:${join(folder, 'bench.sqlite')}` });
const sessions = await createSessions('a-session-secret-for-the-benchmark!!', { secure: false });
const show = createShowServer({
  minter,
  roomService: createRoomService({ url: livekit.httpUrl, minter }),
  webhooks: createWebhookReceiver(credentials),
  sessions,
  ...storage,
  // The pipeline's capacity, not the per-person limit (5 per 10 s) that a real show applies.
  rules: { maxMessages: 100_000 },
});

const port = await freeTcpPort();
const origin = `http://127.0.0.1:${port}`;
const { script, page: html } = await bundlePage(
  fileURLToPath(new URL('./bench-page.ts', import.meta.url)),
  'Show chat benchmark',
);
const http = createServer(async (message, out) => {
  if (message.url === '/bundle.js')
    return out.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  if (message.url === '/') return out.writeHead(200, { 'content-type': 'text/html' }).end(html);
  const chunks = [];
  for await (const chunk of message) chunks.push(chunk);
  const request = new Request(new URL(message.url, origin), {
    method: message.method,
    headers: Object.entries(message.headers).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v]] : [],
    ),
    ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
  });
  const response = (await show.handle(request)) ?? new Response(null, { status: 404 });
  out.writeHead(response.status, { 'content-type': 'application/json' });
  out.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise((resolve) => http.listen(port, '127.0.0.1', resolve));

// Senders: people with a session cookie each (the name is inside it).
const cookies = [];
for (let i = 0; i < SENDERS; i++) {
  const header = await sessions.personCookie({
    id: `bench${String(i).padStart(17, '0')}`,
    name: `Sender ${i}`,
  });
  cookies.push(header.split(';')[0]);
}

const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(origin);
await page.waitForFunction(() => 'bench' in window);
const tokens = [];
for (let i = 0; i < VIEWERS; i++) {
  tokens.push(
    await minter.mint({
      identity: `viewer-${i}`,
      room: ROOM,
      role: 'viewer',
      grants: { hidden: true, canPublishData: false },
    }),
  );
}
// The peer path's sender: an ordinary participant with data rights (today's viewers).
tokens.push(
  await minter.mint({
    identity: 'peer-sender',
    room: ROOM,
    role: 'viewer',
    grants: { canPublishData: true },
  }),
);
await page.evaluate(([url, list]) => window.bench.join(url, list), [livekit.wsUrl, tokens]);
await new Promise((resolve) => setTimeout(resolve, 1500));

async function sendThroughServer(rate, count, prefix) {
  const sent = [];
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = `${prefix}-${i}`;
    const at = Date.now();
    inFlight.push(
      fetch(`${origin}/api/shows/${ROOM}/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookies[i % SENDERS] },
        body: JSON.stringify({ text: `message ${i}`, id }),
      }).then(async (response) => {
        await response.arrayBuffer();
        sent.push({ id, at, ok: response.status === 201 });
      }),
    );
  }
  await Promise.all(inFlight);
  return sent;
}

async function measure(path, rate) {
  const count = rate * SECONDS;
  const prefix = `${path}${rate}x${Date.now().toString(36)}`;
  await page.evaluate(() => window.bench.reset());
  const started = Date.now();
  const sent =
    path === 'server'
      ? await sendThroughServer(rate, count, prefix)
      : await page.evaluate(
          ([sender, r, n, p]) => window.bench.sendPeer(sender, r, n, p),
          [VIEWERS, rate, count, prefix],
        );
  const sendSeconds = (Date.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const { receipts, packets } = await page.evaluate(() => window.bench.results());
  const sentAt = new Map(sent.filter((s) => s.ok).map((s) => [s.id, s.at]));
  const latencies = [];
  let delivered = 0;
  for (const receipt of receipts) {
    if (receipt.viewer >= VIEWERS) continue;
    const at = sentAt.get(receipt.id);
    if (at === undefined) continue;
    delivered++;
    latencies.push(receipt.at - at);
  }
  const viewerPackets = packets.slice(0, VIEWERS).map((n) => n ?? 0);
  return {
    path,
    rate,
    accepted: sentAt.size / sendSeconds,
    deliveredShare: delivered / (sentAt.size * VIEWERS),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    packetsPerViewerPerSecond: viewerPackets.reduce((a, b) => a + b, 0) / VIEWERS / sendSeconds,
  };
}

const rows = [];
for (const rate of RATES) {
  // Side by side: the two paths alternate at each rate, on the same server and page.
  rows.push(await measure('peer', rate));
  rows.push(await measure('server', rate));
}

console.log(
  `\nChat delivery, ${VIEWERS} viewers (data only), ${SECONDS} s per row, livekit-server ${livekit.version}, one machine`,
);
console.log('path    offered/s  accepted/s  delivered  latency p50  latency p95  packets/viewer/s');
for (const r of rows) {
  console.log(
    `${r.path.padEnd(7)} ${String(r.rate).padStart(9)} ${r.accepted.toFixed(1).padStart(11)} ${(r.deliveredShare * 100).toFixed(1).padStart(9)} % ${r.p50.toFixed(0).padStart(8)} ms ${r.p95.toFixed(0).padStart(8)} ms ${r.packetsPerViewerPerSecond.toFixed(1).padStart(17)}`,
  );
}
for (const rate of RATES) {
  const peer = rows.find((r) => r.path === 'peer' && r.rate === rate);
  const server = rows.find((r) => r.path === 'server' && r.rate === rate);
  console.log(
    `at ${rate}/s: server/peer latency p50 ×${(server.p50 / peer.p50).toFixed(1)}, packets per viewer ×${(server.packetsPerViewerPerSecond / peer.packetsPerViewerPerSecond).toFixed(2)}`,
  );
}
console.log(`server outbox: ${JSON.stringify(show.stats())}`);

await page.evaluate(() => window.bench.leave());
await browser.close();
await show.close();
await storage.close();
await new Promise((resolve) => http.close(resolve));
await livekit.stop();
rmSync(folder, { recursive: true, force: true });
