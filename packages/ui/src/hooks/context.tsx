import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ShowState, ShowStore } from '../store/show-store';

const ShowContext = createContext<ShowStore | undefined>(undefined);

export interface ShowProviderProps {
  store: ShowStore;
  children?: ReactNode;
}

/** Makes one show's store available to the hooks and components below it. */
export function ShowProvider({ store, children }: ShowProviderProps) {
  return <ShowContext.Provider value={store}>{children}</ShowContext.Provider>;
}

/** The store of the show this component is in; throws a clear error outside a show. */
export function useShowStore(): ShowStore {
  const store = useContext(ShowContext);
  if (!store) {
    throw new Error(
      'This component needs a show: render it inside <LiveKitPlayer>, <ShowInterface>, <LiveKitBroadcaster> or <ShowProvider>.',
    );
  }
  return store;
}

/** Reads from the show's state; re-renders only when the selected value changes (Object.is). */
export function useShow<T>(selector: (state: ShowState) => T): T {
  return useStore(useShowStore(), selector);
}

const NO_SUBSCRIPTION = () => () => {};

/**
 * Like `useShow`, for components that also work outside a show (given everything as props):
 * undefined there. Select a value that keeps its identity (a slice of the state, not a new object).
 */
export function useMaybeShow<T>(selector: (state: ShowState) => T): T | undefined {
  const store = useContext(ShowContext);
  const read = () => (store ? selector(store.getState()) : undefined);
  return useSyncExternalStore(store ? store.subscribe : NO_SUBSCRIPTION, read, read);
}
