import type { Room, RoomConnectOptions, RoomOptions } from 'livekit-client';
import { useEffect, useState } from 'react';
import { bindMetrics, type BindMetricsOptions } from '../room/bind-metrics';
import type { ShowServerClient } from '../room/server-client';
import { createShowSession, type RetryPolicy, type TokenSource } from '../room/session';
import type { ChatLimits } from '../store/chat';
import { persistCart, type CartStorage } from '../store/persist-cart';
import { createShowStore, type ShowStore } from '../store/show-store';

export interface ShowSessionProps {
  /** The LiveKit server, e.g. `wss://example.livekit.cloud` or `ws://127.0.0.1:7880`. */
  serverUrl: string;
  /** A token, or a function that fetches one; it is called again on every retry. */
  token: TokenSource;
  /** Names this show's saved cart; default the server URL. */
  showId?: string;
  roomOptions?: RoomOptions;
  connectOptions?: RoomConnectOptions;
  retry?: Partial<RetryPolicy>;
  chatLimits?: Partial<ChatLimits>;
  /** Measure the connection with @show/metrics; default true. */
  measure?: boolean;
  metricsOptions?: BindMetricsOptions;
  /**
   * The show's server (`createShowServerClient({ room })`, e.g. for @show/server's routes): chat,
   * reactions and viewer reports go through it, and only what it sends is shown. Without it,
   * pages exchange them peer to peer (fine for a small room you trust).
   */
  server?: ShowServerClient;
  /** Where the cart is saved; default localStorage. */
  cartStorage?: CartStorage;
  onJoined?: (room: Room) => Promise<void> | void;
}

/**
 * One show on this page: a store, a LiveKit room joined on mount and left on unmount, the cart
 * saved per show, and measurement. Options are read on mount; change `key` to start over.
 */
export function useShowSession(props: ShowSessionProps): {
  store: ShowStore;
  room: Room | undefined;
} {
  const [store] = useState(createShowStore);
  const [room, setRoom] = useState<Room>();
  // Read once, on mount: a new token function on every render must not rejoin.
  const [options] = useState(props);
  const showId = props.showId ?? props.serverUrl;
  const measure = props.measure ?? true;
  const { cartStorage, metricsOptions } = props;

  useEffect(() => persistCart(store, showId, cartStorage), [store, showId, cartStorage]);

  useEffect(() => {
    // Created after mount: nothing touches WebRTC during server rendering.
    const session = createShowSession({
      serverUrl: options.serverUrl,
      token: options.token,
      store,
      ...(options.roomOptions && { roomOptions: options.roomOptions }),
      ...(options.connectOptions && { connectOptions: options.connectOptions }),
      ...(options.retry && { retry: options.retry }),
      ...(options.chatLimits && { chatLimits: options.chatLimits }),
      ...(options.onJoined && { onJoined: options.onJoined }),
      ...(options.server && { server: options.server }),
    });
    // The room exists only from here (never during server rendering); render once more to provide it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRoom(session.room);
    session.start();
    const unmeasure = measure
      ? bindMetrics(session.room, store, {
          ...metricsOptions,
          ...(options.server && { server: options.server }),
        })
      : undefined;
    return () => {
      unmeasure?.();
      void session.stop();
    };
  }, [options, store, measure, metricsOptions]);

  return { store, room };
}
