// How the dashboard previewer draws: paths, ticks, units, legends, stat values.
import { expect, test } from 'vitest';
import {
  axisTicks,
  formatValue,
  legendName,
  niceTicks,
  samples,
  seriesPath,
  statDisplay,
} from '../src/panel-drawing.mjs';

const frame = { width: 100, height: 50, start: 0, end: 10, min: 0, max: 10 };

test('a series becomes a path, broken where samples are missing', () => {
  expect(
    seriesPath(
      [
        [0, 0],
        [1, 5],
        [2, 10],
      ],
      frame,
      1,
    ),
  ).toBe('M0,50 L10,25 L20,0');
  // 2 → 6 skips three steps: a gap, as Grafana leaves one at nulls; 2 alone is a dot.
  expect(
    seriesPath(
      [
        [2, 10],
        [6, 0],
        [7, 0],
      ],
      frame,
      1,
    ),
  ).toBe('M20,0 l0,0 M60,50 L70,50');
});

test('Prometheus’s NaN and infinities are no samples', () => {
  expect(
    samples([
      [1, '1.5'],
      [2, 'NaN'],
      [3, '+Inf'],
      [4, '0'],
    ]),
  ).toEqual([
    [1, 1.5],
    [4, 0],
  ]);
});

test('ticks are round and cover the values', () => {
  expect(niceTicks(0, 9.2)).toEqual([0, 5, 10]);
  expect(niceTicks(0, 9.2, 5)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(niceTicks(0, 0.031)).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
  expect(niceTicks(3, 3)).toEqual([3, 4]);
  expect(niceTicks(0, 1.2, 5, { integer: true })).toEqual([0, 1, 2]);
});

test('an axis in bytes is round in its own scale; a count without decimals in whole numbers', () => {
  const MiB = 1024 * 1024;
  expect(axisTicks(0, 150 * MiB, { unit: 'bytes' })).toEqual([0, 50 * MiB, 100 * MiB, 150 * MiB]);
  expect(axisTicks(0, 3, { unit: 'short', decimals: 0 })).toEqual([0, 1, 2, 3]);
});

test('values read as Grafana shows them in each unit', () => {
  expect(formatValue(0.123, 'percentunit')).toBe('12.3%');
  expect(formatValue(2.5, 'percent')).toBe('2.5%');
  expect(formatValue(150 * 1024 * 1024, 'bytes')).toBe('150 MiB');
  expect(formatValue(1_250_000, 'bps')).toBe('1.25 Mb/s');
  expect(formatValue(420, 'pps')).toBe('420 p/s');
  expect(formatValue(0.0123, 's')).toBe('12.3 ms');
  expect(formatValue(4.2, 'ms')).toBe('4.2 ms');
  expect(formatValue(3, 'reqps')).toBe('3 req/s');
  expect(formatValue(0.5, 'suffix:msg/s')).toBe('0.5 msg/s');
  expect(formatValue(12_000, 'short')).toBe('12 K');
  expect(formatValue(3, 'short', 0)).toBe('3');
});

test('legend names come from legendFormat, or the series itself', () => {
  expect(legendName('{{instance}} {{direction}}', { instance: 'a:1', direction: 'incoming' })).toBe(
    'a:1 incoming',
  );
  expect(legendName(undefined, { __name__: 'up', job: 'livekit' })).toBe('up{job="livekit"}');
});

test('a stat shows its value mapping, else its value coloured by thresholds', () => {
  const defaults = {
    unit: 'none',
    decimals: 0,
    mappings: [{ type: 'value', options: { '1': { text: 'UP', color: 'green' } } }],
    thresholds: {
      steps: [
        { color: 'red', value: null },
        { color: 'green', value: 1 },
      ],
    },
  };
  expect(statDisplay(1, defaults)).toEqual({ text: 'UP', color: '#73BF69' });
  expect(statDisplay(0, defaults)).toEqual({ text: '0', color: '#F2495C' });
  expect(statDisplay(3, { unit: 'short', decimals: 0 })).toEqual({ text: '3', color: '#73BF69' });
});
