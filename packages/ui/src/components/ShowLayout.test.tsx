import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, test, vi } from 'vitest';
import { ShowProvider } from '../hooks/context';
import type { Product } from '../store/products';
import { createShowStore } from '../store/show-store';
import { ShowLayout } from './ShowLayout';

function layout(products: Product[] = []) {
  const view = render(
    <ShowProvider store={createShowStore({ phase: 'live' })}>
      <ShowLayout products={products} />
    </ShowProvider>,
  );
  return view.container.querySelector('.show-interface') as HTMLElement;
}

test('on a phone the panel opens and closes with its button, which says which it does', () => {
  const root = layout();
  expect(root.dataset.showPanel).toBe('collapsed');
  fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
  expect(root.dataset.showPanel).toBe('open');
  const less = screen.getByRole('button', { name: 'Show less' });
  expect(less.getAttribute('aria-expanded')).toBe('true');
  fireEvent.click(less);
  expect(root.dataset.showPanel).toBe('collapsed');
});

test('the shop and the cart open the panel (they need the room); going back to chat keeps it', () => {
  const root = layout();
  fireEvent.click(screen.getByRole('tab', { name: 'Shop' }));
  expect(root.dataset.showPanel).toBe('open');
  fireEvent.click(screen.getByRole('tab', { name: 'Chat' }));
  expect(root.dataset.showPanel).toBe('open');
});

test('the expand button is not among the tabs (a tab list holds only tabs)', () => {
  layout();
  const tablist = screen.getByRole('tablist');
  expect(tablist.contains(screen.getByRole('button', { name: 'Show more' }))).toBe(false);
});

test('the shop is built the first time it is opened, not with the page (a joining viewer waits for no hidden picture)', () => {
  const scarf: Product = {
    id: 'scarf',
    title: 'Merino scarf',
    price: { amount: 49, currency: 'EUR' },
    image: '/scarf.svg',
  };
  const root = layout([scarf]);
  expect(root.querySelectorAll('img')).toHaveLength(0);
  fireEvent.click(screen.getByRole('tab', { name: 'Shop' }));
  expect(root.querySelector('img')?.getAttribute('src')).toBe('/scarf.svg');
  // Kept once built: going back to the chat does not throw it away.
  fireEvent.click(screen.getByRole('tab', { name: 'Chat' }));
  expect(root.querySelectorAll('img')).toHaveLength(1);
});

test('a joining viewer gets the player first: chat and overlays render just after, not in the same commit', async () => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  // The first, urgent render (as a click makes it): the stage is there, the chat is not yet.
  flushSync(() =>
    root.render(
      <ShowProvider store={createShowStore({ phase: 'live' })}>
        <ShowLayout products={[]} />
      </ShowProvider>,
    ),
  );
  expect(host.querySelector('.show-interface__stage')).not.toBeNull();
  expect(host.querySelector('.show-chat')).toBeNull();
  expect(host.querySelector('.show-reaction')).toBeNull();
  // Right after, in the background.
  await waitFor(() => expect(host.querySelector('.show-chat')).not.toBeNull());
  expect(host.querySelector('.show-reaction')).not.toBeNull();
  act(() => root.unmount());
  host.remove();
});

test('nothing builds a number formatter while a viewer joins: an empty cart and no hearts show no count', () => {
  const made = vi.spyOn(Intl, 'NumberFormat');
  try {
    layout();
    expect(screen.getByRole('tab', { name: 'Cart' })).toBeTruthy();
    expect(document.querySelector('.show-reaction__count')?.textContent).toBe('');
    expect(made).not.toHaveBeenCalled();
  } finally {
    made.mockRestore();
  }
});
