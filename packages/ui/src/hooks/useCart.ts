import { useCallback, useMemo } from 'react';
import { addToCart, setLine, summarizeCart, type CartSummary } from '../store/cart';
import { maxQuantity, type Product } from '../store/products';
import { useShow, useShowStore } from './context';

export interface CartApi extends CartSummary {
  /** Adds one; `capped` when stock allowed no more. */
  add(product: Product, quantity?: number): { capped: boolean };
  setQuantity(product: Product, quantity: number): { capped: boolean };
  remove(product: Product): void;
  clear(): void;
  quantityOf(productId: string): number;
  /**
   * Spread on an "add to cart" button: disabled when sold out or at the stock limit; `onAdded`
   * hears whether the quantity was capped.
   */
  addButtonProps(
    product: Product,
    onAdded?: (result: { capped: boolean }) => void,
  ): { type: 'button'; disabled: boolean; onClick: () => void };
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
  const add = useCallback(
    (product: Product, quantity = 1) => apply((c) => addToCart(c, product, quantity)),
    [apply],
  );
  return {
    ...summary,
    addButtonProps: (product, onAdded) => ({
      type: 'button' as const,
      disabled: (lines[product.id] ?? 0) >= maxQuantity(product),
      onClick: () => {
        // (Not `onAdded?.(add(product))`: without `onAdded`, that never adds.)
        const result = add(product);
        onAdded?.(result);
      },
    }),
    add,
    setQuantity: useCallback((p, n) => apply((c) => setLine(c, p, n)), [apply]),
    remove: useCallback((p) => void apply((c) => setLine(c, p, 0)), [apply]),
    clear: useCallback(() => store.setState({ cart: {} }), [store]),
    quantityOf: useCallback((id) => lines[id] ?? 0, [lines]),
  };
}
