import { useCallback, useMemo } from 'react';
import { MAX_PINS } from '../store/protocol';
import type { Product } from '../store/products';
import { ShowActionError } from '../store/show-action-error';
import { useShow } from './context';

export interface PinnedProducts {
  /** The pinned products in pin order; ids the catalog does not know are skipped. */
  pinned: Product[];
  pinnedIds: readonly string[];
  /** This page is the host's. */
  canPin: boolean;
  isPinned(id: string): boolean;
  /** Host only. Pinning a fourth product unpins the oldest. */
  togglePin(id: string): Promise<void>;
  setPins(ids: readonly string[]): Promise<void>;
  /** Spread on a pin toggle: type, aria-pressed and the click that pins or unpins. */
  pinButtonProps(id: string): { type: 'button'; 'aria-pressed': boolean; onClick: () => void };
}

/** The host's pins, which travel in the host's participant attributes. */
export function usePinnedProducts(products: readonly Product[]): PinnedProducts {
  const pinnedIds = useShow((s) => s.pinnedIds);
  const port = useShow((s) => s.port);
  const canPin = useShow((s) => s.self?.role === 'host');
  const pinned = useMemo(() => {
    const byId = new Map(products.map((p) => [p.id, p]));
    return pinnedIds.flatMap((id) => byId.get(id) ?? []);
  }, [products, pinnedIds]);
  const setPins = useCallback(
    async (ids: readonly string[]) => {
      if (!port) throw new ShowActionError('offline', 'Not connected to the show.');
      await port.setPins(ids);
    },
    [port],
  );
  const togglePin = useCallback(
    (id: string) => {
      if (pinnedIds.includes(id)) return setPins(pinnedIds.filter((p) => p !== id));
      return setPins([...pinnedIds, id].slice(-MAX_PINS));
    },
    [pinnedIds, setPins],
  );
  const isPinned = useCallback((id: string) => pinnedIds.includes(id), [pinnedIds]);
  const pinButtonProps = useCallback(
    (id: string) => ({
      type: 'button' as const,
      'aria-pressed': pinnedIds.includes(id),
      onClick: () => void togglePin(id).catch(() => {}),
    }),
    [pinnedIds, togglePin],
  );
  return { pinned, pinnedIds, canPin, isPinned, togglePin, setPins, pinButtonProps };
}
