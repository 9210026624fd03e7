// The crowd test: the built demo under a small crowd (lk load-test subscribers and chatting
// browsers, through the harness's crowd rig), asserting what must hold at any size. The figures it
// prints are the rig's; speed goals live in `pnpm bench:crowd`, not here.
import { crowdRow, runCrowd, table } from '@show/harness/crowd';
import { expect, test } from 'vitest';

test('60 subscribers and 10 chatters: no message lost, duplicated or reordered; counts right; nothing left behind', async () => {
  const report = await runCrowd({
    subscribers: 60,
    chatters: 10,
    messagesPerSecond: 4,
    durationSeconds: 30,
  });
  console.log(`\n${table([crowdRow(report)])}\n`);

  expect(report.load.testers).toBe(60);
  expect(report.load.receivingAll).toBe(60);
  expect(report.chat.accepted).toBeGreaterThan(0);
  expect(report.chat).toMatchObject({ failed: 0, lost: 0, duplicated: 0, outOfOrder: 0 });
  // The app's own account (its /api/metrics): it sent into the room, and LiveKit took every packet.
  expect(report.delivery.packets).toBeGreaterThan(0);
  expect(report.delivery.failed).toBe(0);
  expect(Math.abs(report.viewers.server - report.viewers.truth)).toBeLessThanOrEqual(1);
  expect(Math.abs(report.viewers.server - report.viewers.livekit)).toBeLessThanOrEqual(1);
  // Everyone gone: the server counts nobody and LiveKit holds the host alone.
  expect(report.after).toEqual({ viewers: 0, participants: 1 });
}, 240_000);
