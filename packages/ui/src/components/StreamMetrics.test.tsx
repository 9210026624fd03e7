import { computeSample, createFleetAggregator, type StreamSample } from '@show/metrics';
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ShowProvider } from '../hooks/context';
import { createShowStore, initialMetrics } from '../store/show-store';
import { StreamMetrics } from './StreamMetrics';

/** A real computation over two small reports: 1,000,000 bytes a second sent, 2 % lost. */
function hostSample(): StreamSample {
  const at = (t: number, bytes: number, packets: number, lost: number) => [
    {
      id: 'OT1',
      type: 'outbound-rtp',
      kind: 'video',
      timestamp: t,
      bytesSent: bytes,
      packetsSent: packets,
      frameWidth: 1280,
      frameHeight: 720,
      framesEncoded: t / 50,
    },
    {
      id: 'RI1',
      type: 'remote-inbound-rtp',
      kind: 'video',
      timestamp: t,
      localId: 'OT1',
      packetsLost: lost,
      roundTripTime: 0.048,
      jitter: 0.004,
    },
  ];
  return computeSample(at(1000, 0, 0, 0), at(2000, 175_000, 1000, 20));
}

function value(figure: string) {
  return document.querySelector(`[data-show-figure="${figure}"] .show-stream-metrics__value`)
    ?.textContent;
}

describe('StreamMetrics', () => {
  test('without figures every value is "—", never a made-up number', () => {
    render(<StreamMetrics sample={undefined} />);
    for (const figure of [
      'ingress',
      'upload-loss',
      'viewer-loss',
      'rtt',
      'jitter',
      'video',
      'viewers',
    ]) {
      expect(value(figure), figure).toBe('—');
    }
    expect(value('egress')).toBe('— p50 — · p95 —');
    expect(screen.getByRole('region', { name: 'Stream health' })).toHaveAttribute(
      'data-show-health',
      'unknown',
    );
  });

  test('measured figures, formatted with units', () => {
    const fleet = createFleetAggregator({ epochMs: 1000, epochs: 1 });
    for (let i = 0; i < 10; i++) {
      fleet.ingest(
        {
          v: 1,
          t: 0,
          p: 1,
          bps: 500_000 + i * 100_000,
          loss: i === 9 ? 0.1 : 0,
          rtt: 20,
          jit: 2,
          fps: 20,
          w: 1280,
          h: 720,
          st: 'connected',
        },
        500,
      );
    }
    render(
      <StreamMetrics
        sample={hostSample()}
        fleet={fleet.summary(1000)}
        connectionState="connected"
      />,
    );
    expect(value('ingress')).toBe('1.4 Mbps');
    expect(value('upload-loss')).toBe('2.0 %');
    expect(value('rtt')).toBe('48 ms');
    expect(value('jitter')).toBe('4 ms');
    expect(value('video')).toBe('1280 × 720 · 20 fps');
    expect(value('viewers')).toBe('10');
    // Ten viewers at 0.5…1.4 Mbps: the total, and the quantiles at ranks 4.5 and 8.55 of 0…9.
    expect(value('egress')).toBe('9.5 Mbps p50 900 kbps · p95 1.3 Mbps');
    expect(screen.getByRole('status')).toHaveTextContent('Connected');
  });

  test('alerts are written out, and the worst one sets the health', () => {
    const alerts = [
      {
        id: 'upload-loss',
        severity: 'warning' as const,
        message: 'The host’s upload is losing more than 5 % of packets.',
        sinceMs: 0,
      },
      {
        id: 'reconnecting',
        severity: 'critical' as const,
        message: 'The connection dropped; reconnecting.',
        sinceMs: 0,
      },
    ];
    render(<StreamMetrics sample={hostSample()} alerts={alerts} connectionState="reconnecting" />);
    const list = screen.getByRole('list', { name: 'Alerts' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Warning: The host’s upload is losing more than 5 % of packets.',
      'Critical: The connection dropped; reconnecting.',
    ]);
    expect(screen.getByRole('region', { name: 'Stream health' })).toHaveAttribute(
      'data-show-health',
      'critical',
    );
  });

  test('labels can be replaced and numbers follow the locale', () => {
    render(
      <StreamMetrics
        sample={hostSample()}
        locale="de-DE"
        labels={{ title: 'Streamqualität', ingress: 'Upload' }}
      />,
    );
    expect(screen.getByRole('region', { name: 'Streamqualität' })).toBeInTheDocument();
    expect(value('ingress')).toBe('1,4 Mbps');
  });

  test('inside a show it reads the show’s figures, and follows them as they change', () => {
    const store = createShowStore();
    render(
      <ShowProvider store={store}>
        <StreamMetrics />
      </ShowProvider>,
    );
    expect(value('ingress')).toBe('—');
    act(() =>
      store.setState({
        metrics: {
          ...initialMetrics,
          latest: {
            sample: hostSample(),
            state: { connectionState: 'connected', disconnectReason: undefined, quality: 'good' },
          },
        },
      }),
    );
    expect(value('ingress')).toBe('1.4 Mbps');
    expect(value('rtt')).toBe('48 ms');
    expect(screen.getByRole('status')).toHaveTextContent('Connected');
  });
});
