import { ShowReplay, type ReplayTimeline } from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { catalog } from './simulated-show';

const START = Date.UTC(2026, 10, 30, 19, 0, 0);
const at = (seconds: number) => START + seconds * 1000;
const said = (n: number, seconds: number, text: string, name: string, role = 'viewer') => ({
  id: `m${n}`,
  seq: n,
  text,
  sentAt: at(seconds),
  from: { person: `${'p'.repeat(21)}${n}`, name, role: role as 'viewer' | 'host' | 'moderator' },
});

/** A show of a few minutes: the scarf pinned from the start, the mug at 1:05, the lamp at 2:30. */
const timeline: ReplayTimeline = {
  startedAt: START,
  pins: [
    { at: at(-20), ids: ['scarf'] },
    { at: at(65), ids: ['scarf', 'mug'] },
    { at: at(150), ids: ['lamp'] },
  ],
  chat: [
    said(1, 12, 'Hi from Lisbon!', 'Rui'),
    said(2, 40, 'Welcome everyone, the scarf is back in rose', 'Maya from Atelier', 'host'),
    said(3, 70, 'Is the mug dishwasher safe?', 'Ana'),
    said(4, 80, 'It is, and microwave safe too', 'Maya from Atelier', 'host'),
  ],
};

const poster = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#2b2d42"/><circle cx="8" cy="4.5" r="2" fill="#8d99ae"/></svg>',
)}`;

/**
 * A recorded show, shoppable: `<ShowReplay src timeline products showId />`. The products pinned at
 * each moment come back over the video as it plays (seeking brings the right ones), chapters jump
 * to each product, the chat replays in step, and add to cart works as it did live. `timeline` is
 * what `@show/server` answers at `GET /api/shows/:room/replay`, with the recording's `startedAt`
 * (from `@show/recorder`). These stories have no video file: the play functions move the
 * position as a playing video would.
 */
const meta = {
  title: 'Viewer/ShowReplay',
  component: ShowReplay,
  tags: ['autodocs'],
  args: {
    src: '',
    poster,
    timeline,
    products: catalog,
    showId: 'storybook-replay',
    onCheckout: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 1100 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ShowReplay>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Where a playing video would be: its position, and the `timeupdate` it fires. */
function moveTo(canvasElement: HTMLElement, seconds: number) {
  const video = canvasElement.querySelector('video') as HTMLVideoElement;
  Object.defineProperty(video, 'currentTime', {
    value: seconds,
    configurable: true,
    writable: true,
  });
  video.dispatchEvent(new Event('timeupdate'));
}

export const AtTheStart: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pins = canvasElement.querySelector('.show-replay__pins') as HTMLElement;
    // Pinned before the recording began: there from the first frame.
    await expect(within(pins).getByRole('article', { name: 'Merino scarf, rose' })).toBeVisible();
    await expect(canvas.getByText('Nothing said yet at this point.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Jump to Stoneware mug 1:05' })).toBeVisible();
  },
};

export const AMinuteAndAHalfIn: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    moveTo(canvasElement, 90);
    const pins = canvasElement.querySelector('.show-replay__pins') as HTMLElement;
    const mug = await within(pins).findByRole('article', { name: 'Stoneware mug' });
    await expect(mug).toBeVisible();
    await expect(canvas.getByText('It is, and microwave safe too')).toBeVisible();
    await userEvent.click(within(mug).getByRole('button', { name: 'Add to cart' }));
    await expect(await canvas.findByRole('button', { name: 'Checkout' })).toBeVisible();
  },
};
