import { expect, test } from 'vitest';
import { chatFigures, table } from '../src/crowd-report.mjs';

const post = (text: string, status = 201) => ({ text, status, at: 0 });
const got = (text: string, seq: number, at: number) => ({ id: `m${seq}`, text, seq, at });

test('counts losses, duplicates, order and latency per chatter; a 429 is a refusal, not a loss', () => {
  const figures = chatFigures([
    {
      label: 'a',
      sent: [post('a#0@1000'), post('a#1@2000'), post('a#2@3000', 429)],
      delivered: [got('a#0@1000', 1, 1100), got('b#0@1500', 2, 1700), got('a#1@2000', 3, 2300)],
      reactions: 0,
    },
    {
      label: 'b',
      sent: [post('b#0@1500'), post('b#1@4000', 0)],
      // Missed a#1, received b#0 twice, and a#0 after b#0.
      delivered: [got('b#0@1500', 2, 1600), got('a#0@1000', 1, 1200), got('b#0@1500', 2, 1650)],
      reactions: 0,
    },
  ]);
  expect(figures).toMatchObject({
    sent: 5,
    accepted: 3,
    refused: 1,
    failed: 1,
    deliveries: 6,
    lost: 1,
    duplicated: 1,
    outOfOrder: 1,
  });
  // Latencies: 100, 200, 300 (a), 100, 200, 150 (b).
  expect(figures.latencyMs).toEqual({ p50: 150, p95: 300, max: 300, samples: 6 });
});

test('splits the latency at the moment the server stored the message', () => {
  const figures = chatFigures([
    {
      label: 'a',
      sent: [post('a#0@1000'), post('a#1@2000')],
      delivered: [
        { id: 'm1', text: 'a#0@1000', seq: 1, sentAt: 1040, at: 1300 },
        { id: 'm2', text: 'a#1@2000', seq: 2, sentAt: 2020, at: 2100 },
      ],
      reactions: 0,
    },
  ]);
  expect(figures.acceptMs).toEqual({ p50: 20, p95: 40 });
  expect(figures.deliverMs).toEqual({ p50: 80, p95: 260 });
});

test('nothing sent is nothing lost', () => {
  expect(chatFigures([]).latencyMs).toEqual({ p50: 0, p95: 0, max: 0, samples: 0 });
});

test('the table lines its columns up', () => {
  expect(
    table([
      { subscribers: 50, lost: 0 },
      { subscribers: 150, lost: 12 },
    ]),
  ).toBe(['subscribers  lost', '         50     0', '        150    12'].join('\n'));
});
