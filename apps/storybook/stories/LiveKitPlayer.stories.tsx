import { LiveKitPlayer, PlayerStage, type ShowState } from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { host, simulatedCamera, SimulatedShow } from './simulated-show';

/**
 * What a viewer sees, in every phase. `<LiveKitPlayer serverUrl token />` is this stage joined to a
 * real room; here a simulated show supplies the state (`data-show-phase` on the root), so each
 * story runs without a server.
 */
const meta = {
  title: 'Viewer/LiveKitPlayer',
  component: PlayerStage,
  // The props table of the prefab that joins a real room, beside the stage's.
  subcomponents: { LiveKitPlayer },
  tags: ['autodocs'],
  decorators: [
    (Story, { parameters }) => (
      <SimulatedShow state={parameters.show as () => Partial<ShowState>}>
        <div style={{ maxWidth: 720 }}>
          <Story />
        </div>
      </SimulatedShow>
    ),
  ],
} satisfies Meta<typeof PlayerStage>;

export default meta;
type Story = StoryObj<typeof meta>;

const phaseOf = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('.show-player')?.getAttribute('data-show-phase');

export const Connecting: Story = {
  parameters: { show: () => ({ phase: 'connecting', attempt: 1 }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Connecting');
  },
};

export const WaitingForHost: Story = {
  parameters: { show: () => ({ phase: 'waiting', host: host({ status: 'preview' }) }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/starts soon/)).toBeVisible();
  },
};

export const Live: Story = {
  parameters: { show: () => ({ phase: 'live', host: host({ camera: simulatedCamera() }) }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Live')).toBeVisible();
    const video = await canvas.findByLabelText('Live video from Maya from Atelier');
    await expect(video.tagName).toBe('VIDEO');
  },
};

export const AutoplayBlocked: Story = {
  parameters: {
    show: () => ({ phase: 'live', audioBlocked: true, host: host({ camera: simulatedCamera() }) }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Tap to unmute' }));
    await expect(canvas.queryByRole('button', { name: 'Tap to unmute' })).toBeNull();
  },
};

export const PoorConnection: Story = {
  parameters: {
    show: () => ({ phase: 'live', quality: 'poor', host: host({ camera: simulatedCamera() }) }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Poor connection')).toBeVisible();
  },
};

export const Reconnecting: Story = {
  parameters: { show: () => ({ phase: 'reconnecting', host: host() }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Reconnecting…')).toBeVisible();
  },
};

export const HostLeft: Story = {
  parameters: { show: () => ({ phase: 'host-left' }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/stepped away/)).toBeVisible();
  },
};

export const Ended: Story = {
  parameters: { show: () => ({ phase: 'ended', host: host({ status: 'ended' }) }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/has ended/)).toBeVisible();
  },
};

export const ErrorWithRetry: Story = {
  parameters: {
    show: () => ({
      phase: 'error',
      attempt: 4,
      error: { code: 'token', message: 'Could not get access to the show.' },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/could not connect/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(phaseOf(canvasElement)).toBe('connecting');
    // Still unreachable: the story ends in the state it is named after.
    await expect(await canvas.findByText(/could not connect/, {}, { timeout: 2000 })).toBeVisible();
  },
};

export const German: Story = {
  args: {
    labels: {
      waiting: 'Die Show beginnt gleich. Bleib hier: Sie startet von selbst.',
      live: 'Live',
      retry: 'Erneut versuchen',
    },
  },
  parameters: { show: () => ({ phase: 'waiting' }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Die Show beginnt gleich/)).toBeVisible();
  },
};
