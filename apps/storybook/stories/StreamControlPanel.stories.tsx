import {
  StreamControlPanel,
  StreamMetrics,
  useShowStore,
  type ShowState,
  type ShowStore,
} from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, type ReactNode } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { catalog, SimulatedShow } from './simulated-show';

/**
 * The host's dashboard: go live, end the show after confirming, status, real time on air, the
 * server's viewer count, the stream's health in one sentence a seller acts on (from the alerts and
 * the viewers' reports), the show's figures so far (most at once, hearts, carts, checkouts: from
 * the show's server), the engineer's figures behind "Technical details" (its children), and
 * pins. In the app it sits inside `<LiveKitBroadcaster>`; here a simulated studio goes live and
 * ends on click.
 */
const meta = {
  title: 'Host/StreamControlPanel',
  component: StreamControlPanel,
  tags: ['autodocs'],
  args: { products: catalog.slice(0, 3) },
  decorators: [
    (Story, { parameters }) => (
      <SimulatedShow state={parameters.show as () => Partial<ShowState>}>
        <StudioSimulation>
          <div style={{ maxWidth: 560 }}>
            <Story />
          </div>
        </StudioSimulation>
      </SimulatedShow>
    ),
  ],
  parameters: {
    show: () => ({ phase: 'waiting', self: { identity: 'host', name: 'Maya', role: 'host' } }),
  },
} satisfies Meta<typeof StreamControlPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A studio port that does what the broadcaster does, minus the media; its figures are those of a
 * busy show whose hearts keep coming.
 */
function StudioSimulation({ children }: { children: ReactNode }) {
  const store: ShowStore = useShowStore();
  useEffect(() => {
    let hearts = 2318;
    store.setState({
      studio: {
        goLive: async () => store.setState({ phase: 'live', liveSince: Date.now() - 754_000 }),
        endShow: async () => store.setState({ phase: 'ended', liveSince: undefined }),
        figures: async () => ({
          viewersNow: 1284,
          peakConcurrency: 1410,
          hearts: (hearts += 37),
          addedToCart: { live: 96, replay: 0 },
          checkoutRequests: { live: 41, replay: 0 },
        }),
      },
    });
  }, [store]);
  return children;
}

export const ReadyToGoLive: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Go Live' }));
    await expect(await canvas.findByText('Live')).toBeVisible();
    // Time on air counts from when the show went live (read after render, never during it).
    await expect(await canvas.findByText('12:34')).toBeVisible();
  },
};

export const LiveWithAlerts: Story = {
  args: { viewerCount: 1284 },
  parameters: {
    show: () => ({
      phase: 'live',
      liveSince: Date.now() - 3_725_000,
      self: { identity: 'host', name: 'Maya', role: 'host' },
      pinnedIds: ['lamp'],
      metrics: {
        latest: undefined,
        fleet: undefined,
        ingressBps: [],
        egressBps: [],
        alerts: [
          {
            id: 'upload-loss',
            severity: 'critical',
            message: 'Upload loss above 5 %',
            sinceMs: Date.now() - 20_000,
          },
        ],
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const panel = await canvas.findByRole('region', { name: 'Show controls' });
    await expect(panel).toHaveAttribute('data-show-health', 'critical');
    // The seller's words, not the rule's.
    await expect(canvas.getByText(/Your upload is struggling/)).toBeVisible();
    await expect(canvas.getByText(/plug in a cable/)).toBeVisible();
    await expect(canvas.getByText('1,284')).toBeVisible();
    // The show's figures so far, from the show's server.
    await expect(await canvas.findByText('1,410')).toBeVisible();
    await expect(canvas.getByText('Checkouts')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Unpin' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};

/** Many viewers report loss while the host's upload is fine: the host is told it is not them. */
export const ViewersStruggling: Story = {
  args: { viewerCount: 312, children: <StreamMetrics /> },
  parameters: {
    show: () => {
      const spread = (p50: number) => ({ p50, p95: p50 * 2, p99: p50 * 3 });
      return {
        phase: 'live',
        liveSince: Date.now() - 900_000,
        self: { identity: 'host', name: 'Maya', role: 'host' },
        metrics: {
          latest: undefined,
          alerts: [],
          ingressBps: [],
          egressBps: [],
          fleet: {
            reports: 300,
            viewersReporting: 300,
            egressBitrateBps: 180e6,
            bitrateBps: spread(600_000),
            lossRatio: spread(0.09),
            rttMs: spread(80),
            jitterMs: spread(12),
            fps: spread(14),
            states: { connected: 300 },
          },
        },
      };
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Many viewers have weak connections/)).toBeVisible();
    // The engineer's figures, one click away.
    await userEvent.click(canvas.getByText('Technical details'));
    await expect(await canvas.findByRole('region', { name: /Stream health/i })).toBeVisible();
  },
};

export const ConfirmEndShow: Story = {
  parameters: {
    show: () => ({
      phase: 'live',
      liveSince: Date.now() - 60_000,
      self: { identity: 'host', name: 'Maya', role: 'host' },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'End show' }));
    const confirm = canvas.getByRole('button', { name: 'Yes, end the show' });
    await expect(confirm).toHaveFocus();
    await userEvent.click(confirm);
    await expect(await canvas.findByText('Show ended')).toBeVisible();
  },
};

/** The studio could not connect: it says so and offers to try again, instead of a dead Go Live. */
export const ConnectionFailed: Story = {
  parameters: {
    show: () => ({
      phase: 'error',
      error: { code: 'connect', message: 'Could not reach the show.' },
      self: { identity: 'host', name: 'Maya', role: 'host' },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Connection failed')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Go Live' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('Connecting…')).toBeVisible();
    await expect(
      await canvas.findByRole('button', { name: 'Try again' }, { timeout: 2000 }),
    ).toBeVisible();
  },
};
