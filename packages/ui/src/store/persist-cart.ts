import { sanitizeLines } from './cart';
import type { ShowStore } from './show-store';

/** Where a cart is kept; localStorage by default. */
export interface CartStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function cartStorageKey(showId: string): string {
  return `show:cart:${showId}`;
}

function browserStorage(): CartStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can throw on access (privacy settings, sandboxed frames).
    return undefined;
  }
}

/**
 * Loads the show's cart into the store, saves every change, and follows changes made in other
 * tabs. Call it after mount (not during server rendering, so the first client render matches the
 * server's). Storage that is full or missing loses persistence, never the cart in memory.
 */
export function persistCart(
  store: ShowStore,
  showId: string,
  storage: CartStorage | undefined = browserStorage(),
): () => void {
  if (!storage) return () => {};
  const key = cartStorageKey(showId);
  const read = () => {
    try {
      const raw = storage.getItem(key);
      return raw ? sanitizeLines(JSON.parse(raw)) : undefined;
    } catch {
      return undefined;
    }
  };
  const saved = read();
  if (saved) store.setState({ cart: { ...saved, ...store.getState().cart } });

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.cart === previous.cart) return;
    try {
      storage.setItem(key, JSON.stringify(state.cart));
    } catch {
      // Quota exceeded: the cart stays in memory for this page.
    }
  });
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key) return;
    store.setState({ cart: read() ?? {} });
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
