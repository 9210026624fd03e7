import { describe, expect, test } from 'vitest';
import { pair } from '../test/fixtures';
import { computeSample } from './sample';
import {
  MAX_VIEWER_REPORT_BYTES,
  parseViewerReport,
  reportingProbability,
  toViewerReport,
  type ViewerReport,
} from './viewer-report';

const state = {
  connectionState: 'connected' as const,
  disconnectReason: undefined,
  quality: 'good' as const,
};

describe('viewer reports', () => {
  test('a real subscriber sample becomes a compact report that parses back equal', () => {
    const sample = computeSample(...pair('subscriber', 1));
    const report = toViewerReport(sample, state, 0.5);
    const text = JSON.stringify(report);
    expect(text.length).toBeLessThan(200);
    expect(report).toMatchObject({ v: 1, p: 0.5, loss: 0, w: 1280, h: 720, st: 'connected' });
    expect(report.bps).toBe(Math.round(sample.download.bitrateBps as number));
    expect(parseViewerReport(text)).toEqual({ ok: true, report });
  });

  test('unknown figures travel as null', () => {
    const publisherSample = computeSample(...pair('publisher-simulcast'));
    const report = toViewerReport(publisherSample, { ...state, connectionState: undefined });
    expect(report).toMatchObject({ bps: null, loss: null, fps: null, w: null, st: null });
    expect(parseViewerReport(report)).toEqual({ ok: true, report });
  });

  const valid: ViewerReport = {
    v: 1,
    t: 1,
    p: 1,
    bps: 1e6,
    loss: 0.01,
    rtt: 20,
    jit: 3,
    fps: 30,
    w: 1280,
    h: 720,
    st: 'connected',
  };
  test.each([
    ['too large', 'x'.repeat(MAX_VIEWER_REPORT_BYTES + 1), 'report_too_large'],
    ['not JSON', '{"v":1,', 'invalid_report'],
    ['an array', '[1]', 'invalid_report'],
    ['version 2', { ...valid, v: 2 }, 'unsupported_version'],
    ['loss above 1', { ...valid, loss: 1.5 }, 'invalid_report'],
    ['negative bitrate', { ...valid, bps: -1 }, 'invalid_report'],
    ['bitrate as text', { ...valid, bps: '1000' }, 'invalid_report'],
    ['p of 0', { ...valid, p: 0 }, 'invalid_report'],
    ['an unknown state', { ...valid, st: 'sleeping' }, 'invalid_report'],
    ['an extra field', { ...valid, x: 1 }, 'invalid_report'],
    ['no time', { ...valid, t: undefined }, 'invalid_report'],
    ['null', null, 'invalid_report'],
  ])('%s is refused as data, not thrown', (_name, input, code) => {
    const result = parseViewerReport(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  test('reporting probability keeps the audience near 200 reports a second', () => {
    expect(reportingProbability(50)).toBe(1);
    expect(reportingProbability(10_000)).toBe(0.1);
    expect(reportingProbability(10_000, { targetReportsPerSecond: 100, intervalMs: 2000 })).toBe(
      0.02,
    );
    expect(reportingProbability(0)).toBe(1);
  });
});
