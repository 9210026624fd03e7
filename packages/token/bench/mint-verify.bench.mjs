// Mints and verifies 20,000 distinct tokens with @show/token and with livekit-server-sdk,
// interleaved in one process, and prints each throughput and the ratio (median of 7 rounds).
// Run: pnpm --filter @show/token bench   (builds first through turbo's ^build; uses dist/)
import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import { createTokenMinter, createTokenVerifier } from '@show/token';

const COUNT = 20_000;
const ROUNDS = 7;
const apiKey = 'APIbenchmark';
const apiSecret = 'a-benchmark-secret-of-32-bytes-or-more';

const minter = createTokenMinter({ apiKey, apiSecret });
const verifier = createTokenVerifier({ apiKey, apiSecret });
const sdkVerifier = new TokenVerifier(apiKey, apiSecret);

const ours = {
  mint: (i) =>
    minter.mint({
      identity: `viewer-${i}`,
      room: 'bench-room',
      role: 'viewer',
      name: `Viewer ${i}`,
    }),
  verify: (token) => verifier.verify(token),
};
const sdk = {
  mint: (i) => {
    const at = new AccessToken(apiKey, apiSecret, {
      identity: `viewer-${i}`,
      name: `Viewer ${i}`,
      ttl: 7200,
    });
    at.addGrant({
      roomJoin: true,
      room: 'bench-room',
      canPublish: false,
      canSubscribe: true,
      canPublishData: true,
    });
    return at.toJwt();
  },
  verify: (token) => sdkVerifier.verify(token),
};

async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}

async function mintAll(impl, round) {
  const tokens = new Array(COUNT);
  for (let i = 0; i < COUNT; i++) tokens[i] = await impl.mint(round * COUNT + i);
  return tokens;
}

async function verifyAll(impl, tokens) {
  for (const token of tokens) await impl.verify(token);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rates = { ours: { mint: [], verify: [] }, sdk: { mint: [], verify: [] } };

// One warm-up round so both run JIT-compiled code, then the measured rounds, alternating which
// goes first so neither always benefits from a warmer machine.
for (let round = -1; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? ['ours', 'sdk'] : ['sdk', 'ours'];
  for (const name of order) {
    const impl = name === 'ours' ? ours : sdk;
    const mint = await timed(() => mintAll(impl, round + 1));
    const verify = await timed(() => verifyAll(impl, mint.result));
    if (round < 0) continue;
    rates[name].mint.push(COUNT / mint.seconds);
    rates[name].verify.push(COUNT / verify.seconds);
  }
}

const fmt = (n) => `${Math.round(n).toLocaleString('en-US')}/s`;
console.log(
  `@show/token vs livekit-server-sdk: ${COUNT.toLocaleString('en-US')} distinct tokens, median of ${ROUNDS} rounds, Node ${process.version}`,
);
for (const op of ['mint', 'verify']) {
  const a = median(rates.ours[op]);
  const b = median(rates.sdk[op]);
  console.log(
    `  ${op.padEnd(6)} @show/token ${fmt(a).padStart(10)}   livekit-server-sdk ${fmt(b).padStart(10)}   ratio ${(a / b).toFixed(2)}×`,
  );
}
