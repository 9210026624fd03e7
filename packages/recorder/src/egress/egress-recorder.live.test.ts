/// <reference types="@show/harness/vitest-context" />
// The Egress recorder against the real livekit-server. No egress service can run here (it cannot
// be built from the registries this project reaches), so this proves the other half: the address,
// the method names, the token's grant and the body are what LiveKit accepts, and its refusal
// reaches the caller in words.
import { createTokenMinter } from '@show/token';
import { expect, inject, test } from 'vitest';
import { createEgressRecorder } from './egress-recorder';

const livekit = inject('livekit');
const minter = createTokenMinter({
  apiKey: livekit.apiKey,
  apiSecret: livekit.apiSecret,
  requireStrongSecret: false,
});

test('LiveKit accepts the calls and says egress is not there, rather than refusing the token', async () => {
  const recorder = createEgressRecorder({ url: livekit.wsUrl, minter });
  const error = await recorder.start(`egress-${Date.now()}`).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'RecorderError', code: 'egress_failed' });
  // The one thing missing is the egress service itself (it needs Redis and its own process).
  expect((error as Error).message).toContain('egress not connected');
  expect((error as Error).message).not.toMatch(/unauthenticated|permission/i);
});

test('a token without the grant is refused: the check above is not vacuous', async () => {
  const weak = { ...minter, mintServerToken: () => minter.mintServerToken({ roomList: true }) };
  const recorder = createEgressRecorder({ url: livekit.wsUrl, minter: weak });
  const error = await recorder.list().catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/unauthenticated|permission|401|403/i);
});
