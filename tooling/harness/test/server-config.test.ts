import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { serverConfig } from '../src/livekit-server.mjs';
import { LK_CLI } from '../src/pins.mjs';
import { sumMetric } from '../src/prometheus.mjs';

test('the generated server config binds to loopback with the given ports, keys and webhook', () => {
  const yaml = serverConfig({
    apiKey: 'key',
    apiSecret: 'a "quoted" secret',
    ports: { http: 7880, rtcTcp: 7881, rtcUdp: 7882, prometheus: 6789 },
    webhookUrls: ['http://127.0.0.1:3000/api/livekit/webhook'],
  });
  expect(yaml).toBe(`port: 7880
bind_addresses: ["127.0.0.1"]
rtc:
  tcp_port: 7881
  udp_port: 7882
  node_ip: 127.0.0.1
  use_external_ip: false
  enable_loopback_candidate: true
keys:
  "key": "a \\"quoted\\" secret"
prometheus:
  port: 6789
logging:
  level: info
room:
  auto_create: true
webhook:
  api_key: "key"
  urls:
    - "http://127.0.0.1:3000/api/livekit/webhook"
  resource_url_notifier:
    max_depth: 5000
`);
});

test('production-like runs let only the app create rooms', () => {
  const yaml = serverConfig({
    apiKey: 'key',
    apiSecret: 'secret',
    ports: { http: 1, rtcTcp: 2, rtcUdp: 3, prometheus: 4 },
    webhookUrls: [],
    autoCreateRooms: false,
  });
  expect(yaml).toContain('room:\n  auto_create: false\n');
});

test('the lk wrapper module requires the pinned CLI version', () => {
  const goMod = readFileSync(new URL(`../${LK_CLI.wrapperDir}/go.mod`, import.meta.url), 'utf8');
  expect(goMod).toContain(`${LK_CLI.module} ${LK_CLI.version}\n`);
  expect(goMod).toContain(`tool ${LK_CLI.command}\n`);
});

test('sumMetric adds the samples whose labels match', () => {
  const text = [
    '# HELP livekit_packet_bytes packet bytes',
    'livekit_packet_bytes{direction="incoming",node_id="N"} 1200',
    'livekit_packet_bytes{direction="incoming",node_id="M"} 300',
    'livekit_packet_bytes{direction="outgoing",node_id="N"} 5e+03',
    'livekit_packet_bytes_other{direction="incoming"} 999',
  ].join('\n');
  expect(sumMetric(text, 'livekit_packet_bytes', { direction: 'incoming' })).toBe(1500);
  expect(sumMetric(text, 'livekit_packet_bytes', { direction: 'outgoing' })).toBe(5000);
  expect(sumMetric(text, 'livekit_packet_bytes')).toBe(6500);
});
