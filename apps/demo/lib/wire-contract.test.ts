// @show/ui never imports @show/server, so the wire between them is checked here, where both are:
// every event the server sends is read back by the page as the same event, on the same topic.
import { encodePacket, SERVER_TOPIC, type ServerEvent } from '@show/server';
import { decodeServerPacket, SERVER_TOPIC as UI_TOPIC } from '@show/ui';
import { expect, test } from 'vitest';

test('what the server sends, the page reads', () => {
  const events: ServerEvent[] = [
    {
      type: 'chat',
      id: 'abcdefgh1234',
      seq: 42,
      text: 'Is the scarf silk? ✓',
      sentAt: 1_780_000_000_000,
      from: { person: 'a'.repeat(22), name: 'Ana', role: 'moderator' },
    },
    { type: 'chat.delete', id: 'abcdefgh1234' },
    { type: 'reactions', count: 19 },
    { type: 'viewers', count: 3 },
    { type: 'mute', person: 'b'.repeat(22), muted: true },
    { type: 'fleet', summary: { reports: 2, viewersReporting: 2 } },
  ];
  expect(UI_TOPIC).toBe(SERVER_TOPIC);
  expect(decodeServerPacket(encodePacket(events))).toEqual(events);
});
