import {
  BroadcasterStage,
  LiveKitBroadcaster,
  type LocalPreview,
  type PreviewStatus,
} from '@show/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { LocalVideoTrack } from 'livekit-client';
import { expect, fn, userEvent, within } from 'storybook/test';
import { simulatedCamera, SimulatedShow } from './simulated-show';

/**
 * The host's camera and microphone before and during the show. `<LiveKitBroadcaster>` gets these
 * states from the browser (`useLocalPreview`); here each one is set directly. Every failure says
 * what the host can do about it, with a button to try again.
 */
const meta = {
  title: 'Host/LiveKitBroadcaster',
  component: BroadcasterStage,
  // The props table of the prefab that joins a real room, beside the stage's.
  subcomponents: { LiveKitBroadcaster },
  tags: ['autodocs'],
  decorators: [
    (Story) => (
      <SimulatedShow state={() => ({ phase: 'waiting' })}>
        <div style={{ maxWidth: 640 }}>
          <Story />
        </div>
      </SimulatedShow>
    ),
  ],
} satisfies Meta<typeof BroadcasterStage>;

export default meta;
type Story = StoryObj<typeof meta>;

function preview(status: PreviewStatus, withCamera = status === 'ready'): LocalPreview {
  return {
    status,
    camera: withCamera
      ? (simulatedCamera('Camera preview') as unknown as LocalVideoTrack)
      : undefined,
    microphone: undefined,
    cameraOn: true,
    microphoneOn: true,
    toggleCamera: fn(async () => {}),
    toggleMicrophone: fn(async () => {}),
    selectCamera: fn(async () => {}),
    selectMicrophone: fn(async () => {}),
    restart: fn(),
  };
}

export const Preview: Story = {
  args: { preview: preview('ready'), screenShare: { active: false, toggle: fn() } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Your camera preview')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Turn camera off' }));
    await expect(args.preview.toggleCamera).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Share screen' }));
    await expect(args.screenShare?.toggle).toHaveBeenCalledOnce();
  },
};

export const Starting: Story = {
  args: { preview: preview('starting') },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Starting your camera…')).toBeVisible();
  },
};

const problem = (status: PreviewStatus, text: RegExp): Story => ({
  args: { preview: preview(status) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(text)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.preview.restart).toHaveBeenCalledOnce();
  },
});

export const PermissionDenied = problem('permission-denied', /blocked your camera/);
export const NoDevice = problem('no-device', /No camera or microphone/);
export const DeviceBusy = problem('device-busy', /Another app/);
export const DeviceLostMidShow = problem('device-lost', /was disconnected/);
