// `show-doctor`: the preflight checks from the command line, one verdict per line.
import { parseArgs } from 'node:util';
import { preflight } from './preflight';

const USAGE = `usage: show-doctor [--livekit wss://live.example.com] [--app https://shop.example.com]
                   [--tcp live.example.com:7881] [--turn turn.example.com:3478]

Checks a deployment from the outside before a show: LiveKit over TLS with a trusted certificate
that is not about to expire, LiveKit answering, the API key and secret accepted, webhooks reaching
the app (a probe room the app answers), the app's health over HTTPS, and the clocks; with --tcp,
that a node's ICE/TCP port accepts connections, and with --turn, that TURN answers STUN over UDP.
The key and secret come from LIVEKIT_API_KEY and LIVEKIT_API_SECRET (never from the command line);
--livekit defaults to NEXT_PUBLIC_LIVEKIT_URL. Exits 1 when a check fails.`;

const { values } = parseArgs({
  options: {
    livekit: { type: 'string' },
    app: { type: 'string' },
    tcp: { type: 'string' },
    turn: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const livekitUrl = values.livekit ?? process.env.NEXT_PUBLIC_LIVEKIT_URL;
const apiKey = process.env.LIVEKIT_API_KEY;
const apiSecret = process.env.LIVEKIT_API_SECRET;
if (values.help || !livekitUrl || !apiKey || !apiSecret) {
  console.error(USAGE);
  if (!values.help) {
    console.error(
      `\nmissing: ${[!livekitUrl && '--livekit', !apiKey && 'LIVEKIT_API_KEY', !apiSecret && 'LIVEKIT_API_SECRET'].filter(Boolean).join(', ')}`,
    );
  }
  process.exit(values.help ? 0 : 2);
}

const checks = await preflight({
  livekitUrl,
  apiKey,
  apiSecret,
  appUrl: values.app,
  tcp: values.tcp,
  turn: values.turn,
});
for (const check of checks) {
  console.log(`${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`);
}
const failed = checks.filter((check) => !check.ok).length;
console.log(
  failed === 0 ? '\nReady for the show.' : `\n${failed} of ${checks.length} checks failed.`,
);
process.exitCode = failed === 0 ? 0 : 1;
