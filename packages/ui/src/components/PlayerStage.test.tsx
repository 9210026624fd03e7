import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { ShowProvider } from '../hooks/context';
import { createShowStore, type ShowPort, type ShowState } from '../store/show-store';
import { PlayerStage, type PlayerStageProps } from './PlayerStage';

const camera = { attach: (element: HTMLMediaElement) => element, detach: () => [] };
const host = (microphone = true) => ({
  identity: 'host',
  name: 'Maya',
  status: 'live' as const,
  camera,
  screen: undefined,
  microphone,
});

function port(overrides: Partial<ShowPort> = {}): ShowPort {
  return {
    sendChat: async () => ({ ok: true }),
    deleteMessage: async () => {},
    react: async () => {},
    setPins: async () => {},
    startAudio: async () => {},
    retry: () => {},
    ...overrides,
  };
}

function stage(state: Partial<ShowState>, props: PlayerStageProps = {}) {
  const store = createShowStore({ port: port(), ...state });
  const view = render(
    <ShowProvider store={store}>
      <PlayerStage {...props} />
    </ShowProvider>,
  );
  return { store, view, root: view.container.querySelector('.show-player') as HTMLElement };
}

afterEach(() => vi.useRealTimers());

test('waiting for a scheduled show: its title and a countdown that follows the clock', () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-01T18:00:00Z'));
  stage(
    { phase: 'waiting' },
    { showTitle: 'Winter knits', startsAt: new Date('2026-12-01T18:05:00Z') },
  );
  expect(screen.getByText('Winter knits')).toBeTruthy();
  // No clock is read while rendering: the countdown comes with the first tick.
  expect(screen.queryByRole('timer')).toBeNull();
  act(() => void vi.advanceTimersByTime(0));
  expect(screen.getByRole('timer').textContent).toBe('Starts in 5:00');
  act(() => void vi.advanceTimersByTime(61_000));
  expect(screen.getByRole('timer').textContent).toBe('Starts in 3:59');
  act(() => void vi.advanceTimersByTime(240_000));
  expect(screen.getByRole('timer').textContent).toBe('Starting any moment now');
});

test('no countdown without a start time, and none once the show is live', () => {
  vi.useFakeTimers();
  const { store } = stage({ phase: 'waiting' }, { startsAt: Date.now() + 60_000 });
  act(() => void vi.advanceTimersByTime(1000));
  expect(screen.getByRole('timer')).toBeTruthy();
  act(() => store.setState({ phase: 'live', host: host() }));
  act(() => void vi.advanceTimersByTime(1000));
  expect(screen.queryByRole('timer')).toBeNull();
});

test('an error says what failed in plain words, and Try again asks the session to retry', () => {
  const retry = vi.fn();
  stage({
    phase: 'error',
    error: { code: 'token', message: 'Could not get access to the show.' },
    port: port({ retry }),
  });
  const status = screen.getByRole('status');
  expect(status.textContent).toContain('We could not connect you to the show.');
  expect(status.textContent).toContain('Could not get access to the show.');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(retry).toHaveBeenCalledTimes(1);
});

test('after the end, what the page offers next; nothing of it before', () => {
  const next = <a href="/replay/spring">Watch the replay</a>;
  const { store } = stage({ phase: 'live', host: host() }, { afterShow: next });
  expect(screen.queryByRole('link', { name: 'Watch the replay' })).toBeNull();
  act(() => store.setState({ phase: 'ended' }));
  expect(screen.getByRole('link', { name: 'Watch the replay' })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toContain('The show has ended');
});

test('a full show says so and offers the other way to watch; not for other errors', () => {
  const overflow = <a href="/watch/spring">Watch the stream</a>;
  const { store } = stage(
    { phase: 'error', error: { code: 'full', message: 'This show is full right now.' } },
    { whenFull: overflow },
  );
  expect(screen.getByRole('status').textContent).toContain('no seat left');
  expect(screen.getByRole('link', { name: 'Watch the stream' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  act(() => store.setState({ error: { code: 'connect', message: 'Could not reach the show.' } }));
  expect(screen.queryByRole('link', { name: 'Watch the stream' })).toBeNull();
  expect(screen.getByRole('status').textContent).toContain('We could not connect you');
});

test('a spinner while connecting and reconnecting, hidden from screen readers', () => {
  const { store, root } = stage({ phase: 'connecting' });
  expect(root.querySelector('.show-spinner')?.getAttribute('aria-hidden')).toBe('true');
  act(() => store.setState({ phase: 'host-left' }));
  expect(root.querySelector('.show-spinner')).toBeNull();
  act(() => store.setState({ phase: 'reconnecting' }));
  expect(root.querySelector('.show-spinner')).not.toBeNull();
});

test('mute and volume are the show store’s, so they outlive a reconnection', () => {
  const { store } = stage({ phase: 'live', host: host() });
  fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
  expect(store.getState().soundOff).toBe(true);
  const slider = screen.getByRole('slider', { name: 'Volume' }) as HTMLInputElement;
  expect(slider.value).toBe('0');
  fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
  expect(store.getState()).toMatchObject({ soundOff: false, volume: 1 });
  fireEvent.change(slider, { target: { value: '0.35' } });
  expect(store.getState()).toMatchObject({ soundOff: false, volume: 0.35 });
  expect(slider.getAttribute('aria-valuetext')).toBe('35%');
  fireEvent.change(slider, { target: { value: '0' } });
  expect(screen.getByRole('button', { name: 'Unmute' })).toBeTruthy();
  // Unmuting from zero brings the sound back at full volume, not at an inaudible zero.
  fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
  expect(store.getState()).toMatchObject({ soundOff: false, volume: 1 });
});

test('when the browser blocked sound, the mute button is "Unmute" and its click starts audio', () => {
  const startAudio = vi.fn(async () => {});
  const { store } = stage({
    phase: 'live',
    host: host(),
    audioBlocked: true,
    port: port({ startAudio }),
  });
  fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
  expect(startAudio).toHaveBeenCalledTimes(1);
  expect(store.getState().soundOff).toBe(false);
});

test('no sound control when the host has no microphone; none of the controls when turned off', () => {
  const { view } = stage({ phase: 'live', host: host(false) });
  expect(screen.queryByRole('button', { name: 'Mute' })).toBeNull();
  view.unmount();
  stage({ phase: 'live', host: host() }, { controls: false });
  expect(screen.queryByRole('button', { name: 'Mute' })).toBeNull();
});

test('fullscreen and picture-in-picture are offered only where the browser has them (not jsdom)', () => {
  stage({ phase: 'live', host: host() });
  expect(screen.queryByRole('button', { name: 'Full screen' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Picture in picture' })).toBeNull();
});

test('controls show on a touch or mouse move and go three seconds after the last one', () => {
  vi.useFakeTimers();
  const { root } = stage({ phase: 'live', host: host() });
  expect(root.dataset.showControls).toBe('hidden');
  fireEvent.pointerDown(root);
  expect(root.dataset.showControls).toBe('shown');
  act(() => void vi.advanceTimersByTime(2000));
  fireEvent.pointerMove(root);
  act(() => void vi.advanceTimersByTime(2000));
  expect(root.dataset.showControls).toBe('shown');
  act(() => void vi.advanceTimersByTime(1000));
  expect(root.dataset.showControls).toBe('hidden');
});
