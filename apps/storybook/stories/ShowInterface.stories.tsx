import {
  ShowInterface,
  ShowLayout,
  type ChatRefusal,
  type ShowPort,
  type ShowState,
} from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { catalog, host, message, simulatedCamera, SimulatedShow } from './simulated-show';

/**
 * The viewer's whole show: video with the pinned products and hearts over it, and chat, products and
 * cart beside it. `<ShowInterface serverUrl token products onCheckout />` is this layout joined to a
 * real room. The arrangement follows the space it is given (a container query): a side panel from
 * 720 px wide, full-height video with overlays on a phone.
 */
const meta = {
  title: 'Viewer/ShowInterface',
  component: ShowLayout,
  // The props table of the prefab that joins a real room, beside the stage's.
  subcomponents: { ShowInterface },
  tags: ['autodocs'],
  args: { products: catalog, onCheckout: fn() },
  decorators: [
    (Story, { parameters }) => (
      <SimulatedShow state={parameters.show as () => Partial<ShowState>}>
        <div style={{ height: parameters.height ?? 560, width: parameters.width ?? '100%' }}>
          <Story />
        </div>
      </SimulatedShow>
    ),
  ],
  parameters: {
    show: () => ({
      phase: 'live',
      self: { identity: 'me', name: 'Ana', role: 'viewer' },
      host: host({ camera: simulatedCamera() }),
      pinnedIds: ['scarf'],
      reactions: 128,
      messages: [
        message('Hi from Lisbon!', { name: 'Rui' }),
        message('Welcome everyone, the scarf is back in rose', {
          name: 'Maya from Atelier',
          role: 'host',
        }),
      ],
    }),
  },
} satisfies Meta<typeof ShowLayout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Desktop: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pins = canvasElement.querySelector('.show-interface__pins') as HTMLElement;
    await expect(
      await within(pins).findByRole('article', { name: 'Merino scarf, rose' }),
    ).toBeVisible();
    await expect(canvas.getByText('Host')).toBeVisible();
    // Chat both ways: what I send appears as mine.
    await userEvent.type(canvas.getByPlaceholderText('Say something nice…'), 'Is it soft?{Enter}');
    await expect(await canvas.findByText('Is it soft?')).toBeVisible();
    // A heart counts.
    await userEvent.click(canvas.getByRole('button', { name: /Send a heart/ }));
    await expect(canvas.getByRole('button', { name: /Send a heart/ })).toHaveTextContent('129');
  },
};

/**
 * A phone in portrait, with a phone host's upright picture: a few lines of chat over the video and
 * the featured product just above them, clear of the host's face; "Show more" (or the Shop tab)
 * gives the panel most of the screen.
 */
export const PhonePortrait: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    width: 390,
    height: 780,
    show: () => ({
      ...meta.parameters.show(),
      host: host({ camera: simulatedCamera('Live from the atelier', true) }),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = canvasElement.querySelector('.show-interface__grid') as HTMLElement;
    // One column: the panel lies over the video instead of beside it.
    await expect(getComputedStyle(grid).gridTemplateColumns.split(' ').length).toBe(1);
    const player = canvasElement.querySelector('.show-player') as HTMLElement;
    await waitFor(() => expect(player).toHaveAttribute('data-show-orientation', 'portrait'));
    // The featured product sits just above the panel, in the lower half of the picture.
    const card = await canvas.findByRole('article', { name: 'Merino scarf, rose' });
    const panel = canvasElement.querySelector('.show-interface__panel') as HTMLElement;
    const { top, bottom } = card.getBoundingClientRect();
    const stage = player.getBoundingClientRect();
    await expect((top + bottom) / 2).toBeGreaterThan(stage.top + stage.height / 2);
    await expect(bottom).toBeLessThanOrEqual(panel.getBoundingClientRect().top);
    // More room for the chat, and back.
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }));
    await expect(canvas.getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(card).not.toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show less' }));
    await waitFor(() => expect(card).toBeVisible());
  },
};

export const CartAtStockLimit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('tab', { name: /Shop/ }));
    const panel = canvas.getByRole('tabpanel', { name: /Shop/ });
    const scarf = within(panel).getByRole('article', { name: 'Merino scarf, rose' });
    await userEvent.click(within(scarf).getByRole('button', { name: 'Add to cart' }));
    await userEvent.click(within(scarf).getByRole('button', { name: 'Add to cart' }));
    // Only two in stock: the button says so and stops.
    await expect(within(scarf).getByRole('button', { name: 'That is all we have' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('tab', { name: /Cart \(2\)/ }));
    const cart = canvas.getByRole('tabpanel', { name: /Cart/ });
    await expect(
      within(cart).getByRole('button', { name: 'One more Merino scarf, rose' }),
    ).toBeDisabled();
    await expect(within(cart).getByText('No more in stock')).toBeVisible();
    await expect(within(cart).getByText(/Total/)).toHaveTextContent(/99[.,]80/);
    await userEvent.click(within(cart).getByRole('button', { name: 'Checkout' }));
    await expect(args.onCheckout).toHaveBeenCalledOnce();
  },
};

export const SoldOut: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('tab', { name: /Shop/ }));
    const vase = canvas.getByRole('article', { name: 'Hand-blown glass vase' });
    await expect(vase).toHaveAttribute('data-show-sold-out', 'true');
    await expect(within(vase).getByRole('button', { name: 'Sold out' })).toBeDisabled();
  },
};

const busy = [
  'Hi from Lisbon!',
  'That lamp 😍',
  'Is shipping free to Spain?',
  'Price for the mug?',
  'BUY CHEAP FOLLOWERS at spam.example',
  'Can you show the scarf closer?',
  'Love this show',
  'Do you restock the vase?',
  'First time here, hello',
  'Rose or grey?',
  'Added to cart!',
  'What size is the lamp shade?',
];

export const BusyChatAsModerator: Story = {
  parameters: {
    show: () => ({
      phase: 'live',
      self: { identity: 'mod', name: 'Kim', role: 'moderator' },
      host: host({ camera: simulatedCamera() }),
      messages: busy.map((text, i) => {
        const name = ['Rui', 'Lea', 'Tom', 'Zoe'][i % 4] ?? 'Sam';
        return message(text, { name, identity: name.toLowerCase() });
      }),
      // Zoe was muted earlier: the moderator sees it and can let her chat again.
      mutedIdentities: ['zoe'],
    }),
  },
  args: { onMuteViewer: fn(), onUnmuteViewer: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const zoe = (await canvas.findByText('What size is the lamp shade?')).closest(
      'li',
    ) as HTMLElement;
    await expect(within(zoe).getByText('Muted')).toBeVisible();
    await expect(within(zoe).queryByRole('button', { name: 'Mute Zoe in chat' })).toBeNull();
    await userEvent.click(within(zoe).getByRole('button', { name: 'Let Zoe chat again' }));
    await expect(args.onUnmuteViewer).toHaveBeenCalledWith('zoe');
    const spam = await canvas.findByText(/BUY CHEAP FOLLOWERS/);
    const row = spam.closest('li') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: /Mute/ }));
    await expect(args.onMuteViewer).toHaveBeenCalledOnce();
    await userEvent.click(within(row).getByRole('button', { name: /Delete message/ }));
    await expect(canvas.queryByText(/BUY CHEAP FOLLOWERS/)).toBeNull();
  },
};

export const ChatMuted: Story = {
  parameters: {
    show: () => ({
      phase: 'live',
      chatMuted: true,
      self: { identity: 'me', name: 'Ana', role: 'viewer' },
      host: host({ camera: simulatedCamera() }),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('The host has muted your chat.')).toBeVisible();
    await expect(canvas.getByPlaceholderText('Say something nice…')).toBeDisabled();
  },
};

/** A port whose server refuses every message for `refusal`, as `createShowServerClient` reports it. */
const refusingPort = (refusal: ChatRefusal): ShowPort => ({
  sendChat: () => Promise.resolve({ ok: false, refusal }),
  deleteMessage: () => Promise.resolve(),
  react: () => Promise.resolve(),
  setPins: () => Promise.resolve(),
  startAudio: () => Promise.resolve(),
  retry: () => {},
});

/** Chat goes through the show's server, which limits each person: a flood is told to wait. */
export const SendingTooFast: Story = {
  parameters: {
    show: () => ({
      phase: 'live',
      self: { identity: 'me', name: 'Ana', role: 'viewer' },
      host: host({ camera: simulatedCamera() }),
      port: refusingPort({ reason: 'rate_limited', retryInMs: 6200 }),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByPlaceholderText('Say something nice…');
    await userEvent.type(input, 'one more!');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(
      await canvas.findByText('You are sending quickly. Try again in 7 s.'),
    ).toBeVisible();
    await expect(input).toHaveValue('one more!');
  },
};

/** The show's server did not answer: chat says so and keeps what was typed for another try. */
export const ChatServerUnreachable: Story = {
  parameters: {
    show: () => ({
      phase: 'live',
      self: { identity: 'me', name: 'Ana', role: 'viewer' },
      host: host({ camera: simulatedCamera() }),
      port: refusingPort({ reason: 'unreachable' }),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByPlaceholderText('Say something nice…');
    await userEvent.type(input, 'Is the lamp dimmable?');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(await canvas.findByText(/chat server did not answer/)).toBeVisible();
    await expect(input).toHaveValue('Is the lamp dimmable?');
  },
};

/**
 * The connection failed for good: "Try again" takes a real mouse click wherever the layout puts it
 * (the overlay of pins and hearts lies over the stage, but lets clicks through).
 */
export const ErrorWithRetry: Story = {
  parameters: {
    show: () => ({
      phase: 'error',
      error: { code: 'connect', message: 'Could not reach the show.' },
      self: { identity: 'me', name: 'Ana', role: 'viewer' },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const retry = await canvas.findByRole('button', { name: 'Try again' });
    const box = retry.getBoundingClientRect();
    // What a mouse at the button's centre would hit.
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    await expect(retry.contains(hit)).toBe(true);
    await userEvent.click(retry);
    await expect(await canvas.findByText('Connecting to the show…')).toBeVisible();
    await expect(
      await canvas.findByRole('button', { name: 'Try again' }, { timeout: 2000 }),
    ).toBeVisible();
  },
};

/** Just joined: the show's server is sending the chat so far. */
export const ChatHistoryLoading: Story = {
  parameters: {
    show: () => ({
      phase: 'live',
      self: { identity: 'me', name: 'Ana', role: 'viewer' },
      host: host({ camera: simulatedCamera() }),
      messages: [],
      history: 'loading',
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Loading the chat so far…')).toBeVisible();
    await expect(canvas.getByRole('log', { name: 'Chat' })).toHaveAttribute('aria-busy', 'true');
  },
};
