import { LiveKitPlayer, PlayerStage, type ShowState } from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { host, simulatedCamera, SimulatedShow, type LaterState } from './simulated-show';

/**
 * What a viewer sees, in every phase. `<LiveKitPlayer serverUrl token />` is this stage joined to a
 * real room; here a simulated show supplies the state (`data-show-phase` on the root), so each
 * story runs without a server. Move the mouse over a live picture (or tap it) for the sound,
 * picture-in-picture and fullscreen controls. The stories of a picture going away (reconnecting,
 * host away, ended) start live and lose it after a second, as a room would: the last picture stays,
 * dimmed.
 */
const meta = {
  title: 'Viewer/LiveKitPlayer',
  component: PlayerStage,
  // The props table of the prefab that joins a real room, beside the stage's.
  subcomponents: { LiveKitPlayer },
  tags: ['autodocs'],
  decorators: [
    (Story, { parameters }) => (
      <SimulatedShow
        state={parameters.show as () => Partial<ShowState>}
        later={parameters.later as LaterState | undefined}
      >
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

/** A scheduled show: its title and a countdown to the start time. */
export const WaitingWithCountdown: Story = {
  args: { showTitle: 'Winter knits with Maya', startsAt: Date.now() + 4 * 60_000 + 30_000 },
  parameters: { show: () => ({ phase: 'waiting', host: host({ status: 'preview' }) }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Winter knits with Maya')).toBeVisible();
    await expect(await canvas.findByRole('timer')).toHaveTextContent(/^Starts in 4:\d\d$/);
  },
};

export const Live: Story = {
  parameters: { show: () => ({ phase: 'live', host: host({ camera: simulatedCamera() }) }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Live')).toBeVisible();
    const video = await canvas.findByLabelText('Live video from Maya from Atelier');
    await expect(video.tagName).toBe('VIDEO');
    // The controls come with the pointer (fading in).
    await userEvent.hover(video);
    const mute = await canvas.findByRole('button', { name: 'Mute' });
    await waitFor(() => expect(mute).toBeVisible());
    await expect(canvas.getByRole('slider', { name: 'Volume' })).toBeVisible();
  },
};

/** A phone host's upright picture: the player takes its shape, as tall as the screen allows. */
export const UprightPicture: Story = {
  parameters: {
    show: () => ({ phase: 'live', host: host({ camera: simulatedCamera('From my phone', true) }) }),
  },
  play: async ({ canvasElement }) => {
    const player = canvasElement.querySelector('.show-player') as HTMLElement;
    await waitFor(() => expect(player).toHaveAttribute('data-show-orientation', 'portrait'));
    const { width, height } = player.getBoundingClientRect();
    await expect(height).toBeGreaterThan(width);
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

const liveThen = (state: () => Partial<ShowState>) => ({
  show: () => ({ phase: 'live', host: host({ camera: simulatedCamera() }) }),
  later: { afterMs: 1200, state } satisfies LaterState,
});

const stillShown = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('.show-player')?.hasAttribute('data-show-still');

/** The connection dropped after a second of the show: the last picture, dimmed, and a spinner. */
export const Reconnecting: Story = {
  parameters: liveThen(() => ({ phase: 'reconnecting', host: host() })),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Reconnecting…', {}, { timeout: 3000 }),
    ).toBeVisible();
    await expect(stillShown(canvasElement)).toBe(true);
  },
};

export const HostLeft: Story = {
  parameters: liveThen(() => ({ phase: 'host-left', host: undefined })),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(/stepped away/, {}, { timeout: 3000 }),
    ).toBeVisible();
  },
};

/** After the end: what the page offers next (here, the replay). */
export const Ended: Story = {
  args: {
    afterShow: (
      <a className="show-button show-button--primary" href="#replay">
        Watch the replay
      </a>
    ),
  },
  parameters: liveThen(() => ({ phase: 'ended', host: host({ status: 'ended' }) })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/has ended/, {}, { timeout: 3000 })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Watch the replay' })).toBeVisible();
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
    await expect(canvas.getByText('Could not get access to the show.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(phaseOf(canvasElement)).toBe('connecting');
    // Still unreachable: the story ends in the state it is named after.
    await expect(await canvas.findByText(/could not connect/, {}, { timeout: 2000 })).toBeVisible();
  },
};

/** No seat left (the server said `room_full`): the page offers the show's HLS stream instead. */
export const ShowFull: Story = {
  args: {
    whenFull: (
      <a className="show-button show-button--primary" href="#watch">
        Watch the stream
      </a>
    ),
  },
  parameters: {
    show: () => ({
      phase: 'error',
      error: { code: 'full', message: 'This show is full right now.' },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/no seat left/)).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Watch the stream' })).toBeVisible();
  },
};

export const German: Story = {
  args: {
    labels: {
      waiting: 'Die Show beginnt gleich. Bleib hier: Sie startet von selbst.',
      live: 'Live',
      retry: 'Erneut versuchen',
      mute: 'Ton aus',
      unmute: 'Ton an',
      volume: 'Lautstärke',
      fullscreen: 'Vollbild',
      exitFullscreen: 'Vollbild beenden',
      pictureInPicture: 'Bild im Bild',
      exitPictureInPicture: 'Bild im Bild beenden',
    },
  },
  parameters: { show: () => ({ phase: 'waiting' }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Die Show beginnt gleich/)).toBeVisible();
  },
};
