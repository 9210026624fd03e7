// @vitest-environment node
// Server rendering: no window, no WebRTC. Every prefab renders to markup and touches nothing.
import { renderToString } from 'react-dom/server';
import { expect, test, vi } from 'vitest';
import { LiveKitBroadcaster, LiveKitPlayer, ShowInterface, StreamControlPanel } from './index';

test('the prefabs render on the server without a browser', () => {
  expect(typeof window).toBe('undefined');
  const products = [{ id: 'mug', title: 'Mug', price: { amount: 18, currency: 'EUR' } }];
  const url = 'wss://example.invalid';
  const html = renderToString(
    <>
      <LiveKitPlayer serverUrl={url} token="t" />
      <ShowInterface serverUrl={url} token="t" products={products} />
      <LiveKitBroadcaster serverUrl={url} token="t">
        <StreamControlPanel products={products} />
      </LiveKitBroadcaster>
    </>,
  );
  expect(html).toContain('data-show-phase="idle"');
  expect(html).toContain('Connecting to the show');
  expect(html).toContain('Go Live');
  expect(html).toContain('€18.00');
});

test('no prefab reads the clock while rendering (Next 16 prerenders with cacheComponents)', async () => {
  const { ShowProvider, createShowStore } = await import('./index');
  const store = createShowStore({ phase: 'live', liveSince: 1_780_000_000_000 });
  const now = vi.spyOn(Date, 'now');
  try {
    const html = renderToString(
      <ShowProvider store={store}>
        <StreamControlPanel />
      </ShowProvider>,
    );
    expect(html).toContain('End show');
    expect(now).not.toHaveBeenCalled();
  } finally {
    now.mockRestore();
  }
});
