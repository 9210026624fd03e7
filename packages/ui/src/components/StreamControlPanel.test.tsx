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

  test("on air, the show's figures so far from the server, asked again while live, kept after", async () => {
    let hearts = 12;
    const figures = vi.fn(async () => ({
      viewersNow: 40,
      peakConcurrency: 57,
      hearts: hearts++,
      addedToCart: { live: 9, replay: 2 },
      checkoutRequests: { live: 4, replay: 1 },
    }));
    const store = createShowStore({
      phase: 'waiting',
      studio: { goLive: async () => {}, endShow: async () => {}, figures },
    });
    render(
      <ShowProvider store={store}>
        <StreamControlPanel figuresIntervalMs={50} />
      </ShowProvider>,
    );
    // Not asked before the show is on air.
    await act(() => new Promise((resolve) => setTimeout(resolve, 120)));
    expect(figures).not.toHaveBeenCalled();
    act(() => store.setState({ phase: 'live', liveSince: Date.now() }));
    const figure = (name: string) =>
      screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    await screen.findByText('Most at once');
    expect(figure('Most at once')).toBe('57');
    expect(figure('Added to cart')).toBe('9'); // live only: the replay's come later
    expect(figure('Checkouts')).toBe('4');
    await vi.waitFor(() => expect(Number(figure('Hearts'))).toBeGreaterThan(12));
    act(() => store.setState({ phase: 'ended' }));
    const asked = figures.mock.calls.length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(figures.mock.calls.length).toBe(asked);
    expect(screen.getByText('Hearts')).toBeInTheDocument();
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

  test("leads with one sentence a seller acts on; the engineer's figures are one click away", async () => {
    const store = createShowStore({ phase: 'live', liveSince: Date.now() });
    render(
      <ShowProvider store={store}>
        <StreamControlPanel>
          <p>p95 loss 0.2 %</p>
        </StreamControlPanel>
      </ShowProvider>,
    );
    expect(screen.getByText('Checking your stream…')).toBeInTheDocument();
    act(() =>
      store.setState({
        metrics: {
          ...store.getState().metrics,
          alerts: [{ id: 'upload-collapse', severity: 'critical', message: 'x', sinceMs: 0 }],
        },
      }),
    );
    expect(screen.getByText('Viewers are buffering: your upload is too weak.')).toBeVisible();
    expect(screen.getByText(/plug in a cable/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'Show controls' })).toHaveAttribute(
      'data-show-health',
      'critical',
    );
    expect(screen.getByText('p95 loss 0.2 %')).not.toBeVisible();
    await userEvent.setup().click(screen.getByText('Technical details'));
    expect(screen.getByText('p95 loss 0.2 %')).toBeVisible();
  });
});
