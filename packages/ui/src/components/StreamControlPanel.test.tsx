import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { ShowProvider } from '../hooks/context';
import { createShowStore } from '../store/show-store';
import { formatElapsed } from '../format';
import { StreamControlPanel } from './StreamControlPanel';

describe('StreamControlPanel', () => {
  test('elapsed time reads like a clock', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });

  test('goes live, then ends the show only after confirming', async () => {
    const goLive = vi.fn(async () => store.setState({ phase: 'live', liveSince: Date.now() }));
    const endShow = vi.fn(async () => store.setState({ phase: 'ended' }));
    const store = createShowStore({ phase: 'waiting', studio: { goLive, endShow } });
    render(
      <ShowProvider store={store}>
        <StreamControlPanel viewerCount={1234} />
      </ShowProvider>,
    );
    const user = userEvent.setup();
    expect(screen.getByText('Ready to go live')).toBeInTheDocument();
    expect(screen.getByText('1,234')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go Live' }));
    expect(goLive).toHaveBeenCalledOnce();
    await user.click(await screen.findByRole('button', { name: 'End show' }));
    expect(endShow).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Yes, end the show' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep streaming' }));
    expect(endShow).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'End show' }));
    await user.click(screen.getByRole('button', { name: 'Yes, end the show' }));
    expect(endShow).toHaveBeenCalledOnce();
    await act(async () => {});
    expect(screen.getByText('Show ended')).toBeInTheDocument();
  });

  test('says what failed when going live fails', async () => {
    const store = createShowStore({
      phase: 'waiting',
      studio: { goLive: async () => Promise.reject(new Error('x')), endShow: async () => {} },
    });
    render(
      <ShowProvider store={store}>
        <StreamControlPanel />
      </ShowProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Go Live' }));
    expect(await screen.findByText(/That did not work/)).toBeInTheDocument();
  });
});
