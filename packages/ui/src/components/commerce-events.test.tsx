// The seller's figures hear what viewers do: add to cart from a product card, checkout from the
// cart (with the id the shop will echo back); never anything from the host's own list.
import { fireEvent, render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { ShowProvider } from '../hooks/context';
import type { Product } from '../store/products';
import { createShowStore } from '../store/show-store';
import { CartPanel } from './CartPanel';
import { ProductCard } from './ProductRail';

const mug: Product = { id: 'mug', title: 'Stoneware mug', price: { amount: 18, currency: 'EUR' } };

test('add to cart and checkout are tracked; the checkout id reaches your checkout too', () => {
  const track = vi.fn();
  const onCheckout = vi.fn();
  const store = createShowStore({ track });
  render(
    <ShowProvider store={store}>
      <ProductCard product={mug} />
      <CartPanel products={[mug]} onCheckout={onCheckout} />
    </ShowProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Add to cart' }));
  fireEvent.click(screen.getByRole('button', { name: 'Checkout' }));
  const checkoutId = (onCheckout.mock.calls[0]?.[1] as { checkoutId: string }).checkoutId;
  expect(checkoutId).toMatch(/^[\w-]{8,}$/);
  expect(track.mock.calls.map(([event]) => event)).toEqual([
    { type: 'add_to_cart', product: 'mug', quantity: 1 },
    { type: 'checkout_request', checkoutId, items: [{ product: 'mug', quantity: 1 }] },
  ]);
});

test("the host's own product list reports nothing", () => {
  const track = vi.fn();
  render(
    <ShowProvider
      store={createShowStore({ track, self: { identity: 'host', name: 'Host', role: 'host' } })}
    >
      <ProductCard product={{ ...mug, url: 'https://shop.example/mug' }} hostControls />
    </ShowProvider>,
  );
  fireEvent.click(screen.getByRole('link', { name: 'Stoneware mug' }));
  expect(track).not.toHaveBeenCalled();
});
