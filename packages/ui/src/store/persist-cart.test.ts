import { describe, expect, test } from 'vitest';
import { cartStorageKey, persistCart, type CartStorage } from './persist-cart';
import { createShowStore } from './show-store';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const storage: CartStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
  return { storage, items };
}

describe('the cart is saved per show', () => {
  test('loads, saves each change, and keeps shows apart', () => {
    const { storage, items } = memoryStorage({ [cartStorageKey('a')]: '{"mug":2,"bad":-1}' });
    const a = createShowStore();
    const stop = persistCart(a, 'a', storage);
    expect(a.getState().cart).toEqual({ mug: 2 });
    a.setState({ cart: { mug: 3 } });
    expect(items.get(cartStorageKey('a'))).toBe('{"mug":3}');

    const b = createShowStore();
    persistCart(b, 'b', storage);
    expect(b.getState().cart).toEqual({});
    stop();
    a.setState({ cart: {} });
    expect(items.get(cartStorageKey('a'))).toBe('{"mug":3}');
  });

  test('storage that throws loses persistence, never the cart', () => {
    const store = createShowStore();
    const broken: CartStorage = {
      getItem: () => 'not json',
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    persistCart(store, 'x', broken);
    store.setState({ cart: { mug: 1 } });
    expect(store.getState().cart).toEqual({ mug: 1 });
  });
});
