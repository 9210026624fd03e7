import { ConnectionStatus } from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';

/**
 * A polite live region that tells where the connection to LiveKit stands. Styled by
 * `data-show-state`; labels can be replaced for localisation.
 */
const meta = {
  title: 'Status/ConnectionStatus',
  component: ConnectionStatus,
  tags: ['autodocs'],
  args: { state: 'connected' },
  argTypes: {
    state: {
      control: 'inline-radio',
      options: ['connecting', 'connected', 'reconnecting', 'disconnected'],
    },
  },
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Connecting: Story = { args: { state: 'connecting' } };

export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('status');
    await expect(status).toHaveTextContent('Connected');
    await expect(status).toHaveAttribute('data-show-state', 'connected');
  },
};

export const Reconnecting: Story = { args: { state: 'reconnecting' } };

export const Disconnected: Story = { args: { state: 'disconnected' } };

export const Localised: Story = {
  args: { state: 'reconnecting', labels: { reconnecting: 'Verbindung wird wiederhergestellt…' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent(
      'Verbindung wird wiederhergestellt…',
    );
  },
};
