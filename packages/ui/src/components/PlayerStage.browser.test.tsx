import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import '../styles/index.css';
import { ShowProvider } from '../hooks/context';
import { createShowStore, type ShowStore } from '../store/show-store';
import { PlayerStage } from './PlayerStage';

// Phones from 320 px: the player takes its container's width, and nothing scrolls sideways.
test.each([320, 390])('the player fits a %i px wide column', async (width) => {
  const store = createShowStore({ phase: 'waiting' });
  const screen = await render(
    <div style={{ width, overflow: 'auto' }} data-testid="column">
      <ShowProvider store={store}>
        <PlayerStage />
      </ShowProvider>
    </div>,
  );
  const column = screen.getByTestId('column').element() as HTMLElement;
  const player = column.querySelector('.show-player') as HTMLElement;
  expect(player.getBoundingClientRect().width).toBeLessThanOrEqual(width);
  expect(column.scrollWidth).toBeLessThanOrEqual(width);
  // Still a 16:9 picture.
  expect(player.getBoundingClientRect().height).toBeCloseTo((width * 9) / 16, 0);
});

/** A moving picture from a canvas, attached the way LiveKit's tracks attach. */
function canvasCamera() {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const context = canvas.getContext('2d')!;
  let frame = 0;
  const timer = setInterval(() => {
    context.fillStyle = `hsl(${(frame++ * 7) % 360} 70% 50%)`;
    context.fillRect(0, 0, 320, 180);
  }, 40);
  const stream = canvas.captureStream(25);
  return {
    attach(element: HTMLMediaElement) {
      element.srcObject = stream;
      void element.play().catch(() => {});
      return element;
    },
    detach(element: HTMLMediaElement) {
      element.srcObject = null;
      return element;
    },
    stop: () => clearInterval(timer),
  };
}

const liveHost = (camera: ReturnType<typeof canvasCamera> | undefined) => ({
  identity: 'host',
  name: 'Maya',
  status: 'live' as const,
  camera,
  screen: undefined,
  microphone: true,
});

/** The stage alone in a column `width` px wide, on `store`; its root element. */
async function stageOn(store: ShowStore, width: number) {
  const screen = await render(
    <div style={{ width }}>
      <ShowProvider store={store}>
        <PlayerStage />
      </ShowProvider>
    </div>,
  );
  return { screen, root: screen.container.querySelector('.show-player') as HTMLElement };
}

test('when the picture goes (a dropped connection), the last one stays, dimmed: not a black box', async () => {
  const camera = canvasCamera();
  const store = createShowStore({ phase: 'live', host: liveHost(camera) });
  const { root } = await stageOn(store, 480);
  await expect.poll(() => root.dataset.showStill, { timeout: 5000 }).toBe('true');
  const still = root.querySelector('.show-player__still') as HTMLCanvasElement;
  expect(getComputedStyle(still).display).toBe('none');

  // LiveKit takes the host's tracks away while it reconnects from scratch.
  store.setState({ phase: 'reconnecting', host: liveHost(undefined) });
  await expect.poll(() => root.querySelector('video')).toBeNull();
  expect(getComputedStyle(still).display).toBe('block');
  const [r, g, b] = still
    .getContext('2d')!
    .getImageData(still.width / 2, still.height / 2, 1, 1).data;
  expect(r! + g! + b!).toBeGreaterThan(100);
  camera.stop();
});

test('the live controls take a real mouse: they appear on a move, and fullscreen is entered and left', async () => {
  const camera = canvasCamera();
  const store = createShowStore({ phase: 'live', host: liveHost(camera) });
  const { screen, root } = await stageOn(store, 390);
  const controls = root.querySelector('.show-player__controls') as HTMLElement;
  expect(getComputedStyle(controls).opacity).toBe('0');
  await userEvent.hover(root);
  await expect.poll(() => getComputedStyle(controls).opacity).toBe('1');

  // Chromium has picture-in-picture for a video element: the button is offered.
  await expect.element(screen.getByRole('button', { name: 'Picture in picture' })).toBeVisible();
  await userEvent.click(screen.getByRole('button', { name: 'Full screen' }));
  await expect.poll(() => document.fullscreenElement).toBe(root);
  await userEvent.click(screen.getByRole('button', { name: 'Exit full screen' }));
  await expect.poll(() => document.fullscreenElement).toBeNull();

  await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
  expect(store.getState().soundOff).toBe(true);
  camera.stop();
});

test('Try again takes a real click in the middle of the stage', async () => {
  let retried = 0;
  const store = createShowStore({
    phase: 'error',
    error: { code: 'connect', message: 'Could not reach the show.' },
  });
  store.setState({
    port: {
      sendChat: async () => ({ ok: true }),
      deleteMessage: async () => {},
      react: async () => {},
      setPins: async () => {},
      startAudio: async () => {},
      retry: () => void retried++,
    },
  });
  const { screen } = await stageOn(store, 320);
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(retried).toBe(1);
});

test('the host’s picture is attached, in place but unseen, before the show reads live (adaptive stream pauses a track with no element on screen)', async () => {
  const camera = canvasCamera();
  const store = createShowStore({ phase: 'connecting', host: liveHost(camera) });
  const { root } = await stageOn(store, 480);
  const video = root.querySelector('video') as HTMLVideoElement;
  expect(video.srcObject).not.toBeNull();
  expect(getComputedStyle(video).visibility).toBe('hidden');
  expect(video.getBoundingClientRect().width).toBeGreaterThan(0);
  expect(video.getAttribute('aria-hidden')).toBe('true');
  store.setState({ phase: 'live' });
  await expect.poll(() => getComputedStyle(video).visibility).toBe('visible');
  expect(root.querySelector('video')).toBe(video);
  expect(video.hasAttribute('aria-hidden')).toBe(false);
  camera.stop();
});
