import { useCallback, useMemo } from 'react';
import { addToCart, setLine, summarizeCart, type CartSummary } from '../store/cart';
import type { Product } from '../store/products';
import { useShow, useShowStore } from './context';

export interface CartApi extends CartSummary {
  /** Adds one; `capped` when stock allowed no more. */
  add(product: Product, quantity?: number): { capped: boolean };
  setQuantity(product: Product, quantity: number): { capped: boolean };
  remove(product: Product): void;
  clear(): void;
  quantityOf(productId: string): number;
}

/** This show's cart: kept per show, saved in localStorage, quantities capped by stock. */
export function useCart(products: readonly Product[]): CartApi {
  const store = useShowStore();
  const lines = useShow((s) => s.cart);
  const summary = useMemo(() => summarizeCart(lines, products), [lines, products]);
  const apply = useCallback(
    (change: (current: typeof lines) => { lines: typeof lines; capped: boolean }) => {
      const result = change(store.getState().cart);
      store.setState({ cart: result.lines });
      return { capped: result.capped };
    },
    [store],
  );
  return {
    ...summary,
    add: useCallback((p, n = 1) => apply((c) => addToCart(c, p, n)), [apply]),
    setQuantity: useCallback((p, n) => apply((c) => setLine(c, p, n)), [apply]),
    remove: useCallback((p) => void apply((c) => setLine(c, p, 0)), [apply]),
    clear: useCallback(() => store.setState({ cart: {} }), [store]),
    quantityOf: useCallback((id) => lines[id] ?? 0, [lines]),
  };
}
