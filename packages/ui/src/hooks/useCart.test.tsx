import { fireEvent, render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import type { Product } from '../store/products';
import { createShowStore } from '../store/show-store';
import { ShowProvider } from './context';
import { useCart } from './useCart';

const mug: Product = { id: 'mug', title: 'Mug', price: { amount: 18, currency: 'EUR' }, stock: 2 };

function AddButton({ onAdded }: { onAdded?: (result: { capped: boolean }) => void }) {
  const cart = useCart([mug]);
  return (
    <button {...cart.addButtonProps(mug, onAdded)} aria-label="Add">
      {cart.quantityOf('mug')}
    </button>
  );
}

function renderButton(onAdded?: (result: { capped: boolean }) => void) {
  const store = createShowStore({ phase: 'live' });
  render(
    <ShowProvider store={store}>
      <AddButton {...(onAdded && { onAdded })} />
    </ShowProvider>,
  );
  return { store, button: screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement };
}

test('the add button adds, with or without someone listening', () => {
  const { store, button } = renderButton();
  fireEvent.click(button);
  expect(store.getState().cart).toEqual({ mug: 1 });
  expect(button.textContent).toBe('1');
});

test('the listener hears each add, and the button stops at the stock', () => {
  const onAdded = vi.fn();
  const { button } = renderButton(onAdded);
  fireEvent.click(button);
  fireEvent.click(button);
  expect(onAdded.mock.calls).toEqual([[{ capped: false }], [{ capped: false }]]);
  expect(button.disabled).toBe(true);
});
