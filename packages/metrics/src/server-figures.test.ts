import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePrometheusText, sumSamples } from './prometheus';
import { computeServerFigures, scrapeFromText } from './server-figures';

const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/prometheus.json', import.meta.url), 'utf8'),
) as {
  intervalMs: number;
  scrapes: [string, string];
};

describe('parsePrometheusText', () => {
  test('labels with escapes, special values, and lines it cannot read', () => {
    const samples = parsePrometheusText(
      [
        '# HELP x A help line',
        'x{a="1",b="say \\"hi\\"\\n"} 2.5e+03',
        'x{a="2"} +Inf',
        'y 7 1700000000000',
        'broken{a=1} 3',
        'z{a="1"} not-a-number',
        '',
      ].join('\n'),
    );
    expect(samples).toEqual([
      { name: 'x', labels: { a: '1', b: 'say "hi"\n' }, value: 2500 },
      { name: 'x', labels: { a: '2' }, value: Infinity },
      { name: 'y', labels: {}, value: 7 },
    ]);
    expect(sumSamples(samples, 'x', { a: '1' })).toBe(2500);
    expect(sumSamples(samples, 'missing')).toBeUndefined();
  });
});

describe('computeServerFigures over two real scrapes', () => {
  // Expected figures computed independently from the fixture text.
  const [a, c] = fixture.scrapes;
  const figures = computeServerFigures(scrapeFromText(a, 0), scrapeFromText(c, fixture.intervalMs));

  test('rates into and out of the SFU', () => {
    expect(figures.incoming.bitrateBps).toBeCloseTo(1330253.8461538462, 3);
    expect(figures.incoming.packetsPerSecond).toBeCloseTo(206.53846153846155, 6);
    expect(figures.outgoing.bitrateBps).toBeCloseTo(773950.7692307692, 3);
    expect(figures.outgoing.packetsPerSecond).toBeCloseTo(132.30769230769232, 6);
  });

  test('loss, RTT and jitter as means of the interval’s stream reports', () => {
    expect(figures.incoming).toMatchObject({ lossRatio: 0, rttMs: 3.25 });
    expect(figures.incoming.jitterMs).toBeCloseTo(4.054, 6);
    expect(figures.outgoing).toMatchObject({ lossRatio: 0, rttMs: 4.5 });
    expect(figures.outgoing.jitterMs).toBeCloseTo(1.351, 6);
  });

  test('gauges, and no rates without a previous scrape or after a restart', () => {
    expect(figures).toMatchObject({ participants: 2, rooms: 1, intervalMs: 5200 });
    const first = computeServerFigures(undefined, scrapeFromText(c, 1));
    expect(first.incoming).toEqual({
      bitrateBps: undefined,
      packetsPerSecond: undefined,
      lossRatio: undefined,
      rttMs: undefined,
      jitterMs: undefined,
    });
    expect(first.participants).toBe(2);
    // Counters that went down: the server restarted, so there is no rate.
    const restarted = computeServerFigures(scrapeFromText(c, 0), scrapeFromText(a, 5200));
    expect(restarted.incoming.bitrateBps).toBeUndefined();
  });
});
