import { fireEvent, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
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
