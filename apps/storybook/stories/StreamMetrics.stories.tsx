import { StreamMetrics } from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { audience, healthyHostSample, ingressHistory, lossyHostSample } from './metrics-data';

/**
 * What the host sees: measured figures only, "—" where a figure is unknown, alerts written out,
 * health as `data-show-health` (`ok`, `warning`, `critical`, `unknown`). Figures here come from
 * stats recorded in real Chromium sessions on livekit-server.
 */
const meta = {
  title: 'Host/StreamMetrics',
  component: StreamMetrics,
  tags: ['autodocs'],
  args: { sample: healthyHostSample },
} satisfies Meta<typeof StreamMetrics>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Healthy: Story = {
  args: {
    sample: healthyHostSample,
    fleet: audience(200),
    connectionState: 'connected',
    history: { ingressBps: ingressHistory },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'Stream health' });
    await expect(region).toHaveAttribute('data-show-health', 'ok');
    await expect(region).toHaveTextContent('1280 × 720');
    await expect(canvas.getByText('No alerts')).toBeVisible();
    await expect(canvas.getByText('200')).toBeVisible();
  },
};

export const NoDataYet: Story = {
  args: { sample: undefined, connectionState: 'connecting' },
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Stream health' });
    await expect(region).toHaveAttribute('data-show-health', 'unknown');
    await expect(within(region).getAllByText('—').length).toBeGreaterThanOrEqual(6);
  },
};

export const PoorNetworkWithAlerts: Story = {
  args: {
    sample: lossyHostSample,
    fleet: audience(1200, true),
    connectionState: 'connected',
    alerts: [
      {
        id: 'upload-loss',
        severity: 'warning',
        message: 'The host’s upload is losing more than 5 % of packets.',
        sinceMs: 0,
      },
      {
        id: 'download-loss',
        severity: 'warning',
        message: 'Viewers are losing more than 5 % of packets.',
        sinceMs: 0,
      },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: 'Stream health' })).toHaveAttribute(
      'data-show-health',
      'warning',
    );
    await expect(canvas.getByText(/upload is losing/)).toBeVisible();
  },
};

export const Reconnecting: Story = {
  args: {
    sample: healthyHostSample,
    connectionState: 'reconnecting',
    alerts: [
      {
        id: 'reconnecting',
        severity: 'critical',
        message: 'The connection dropped; reconnecting.',
        sinceMs: 0,
      },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: 'Stream health' })).toHaveAttribute(
      'data-show-health',
      'critical',
    );
    await expect(canvas.getByRole('status')).toHaveTextContent('Reconnecting…');
  },
};

export const German: Story = {
  args: {
    sample: healthyHostSample,
    fleet: audience(50),
    locale: 'de-DE',
    labels: {
      title: 'Streamqualität',
      ingress: 'Upload (Host)',
      egress: 'An Zuschauer',
      noAlerts: 'Keine Warnungen',
    },
  },
};
