import type { ShowState } from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { catalog, SimulatedShow } from '../simulated-show';
import { FeaturedBanner } from './FeaturedBanner';

/** Recipes: parts built from @show/ui's hooks and tokens (see Docs/Recipes). */
const meta = {
  title: 'Recipes/FeaturedBanner',
  component: FeaturedBanner,
  args: { products: catalog },
  decorators: [
    (Story) => (
      <SimulatedShow state={(): Partial<ShowState> => ({ phase: 'live', pinnedIds: ['mug'] })}>
        <div style={{ maxWidth: 560 }}>
          <Story />
        </div>
      </SimulatedShow>
    ),
  ],
} satisfies Meta<typeof FeaturedBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The host's first pin as a banner; its button adds to the show's own cart. */
export const PinnedMug: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const banner = await canvas.findByRole('region', { name: 'Featured now' });
    await expect(banner).toHaveTextContent('Stoneware mug');
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart' }));
    await waitFor(() => expect(banner).toHaveTextContent('In cart: 1'));
  },
};
