import type { Room, RoomConnectOptions, RoomOptions } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { bindMetrics, type BindMetricsOptions } from '../room/bind-metrics';
import type { ShowServerClient } from '../room/server-client';
import {
  createShowSession,
  type RetryPolicy,
  type ShowSessionFailure,
  type TokenSource,
} from '../room/session';
import type { ChatLimits } from '../store/chat';
import { createCommerceTracker } from '../room/commerce-tracker';
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
  /**
   * Every failed attempt to join, with the error behind it (the page shows a plain sentence).
   * Refusals (`permanent`: a 4xx from your token function's error `status`, or LiveKit not
   * accepting the token) are not retried; blips are, with backoff.
   */
  onError?: (failure: ShowSessionFailure) => void;
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
  // The latest props, read at each attempt: a new token function on every render neither rejoins
  // nor is ignored. A new `serverUrl` joins again; the other options are read when joining.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const { serverUrl } = props;
  const showId = props.showId ?? props.serverUrl;
  const measure = props.measure ?? true;
  const { cartStorage, metricsOptions } = props;

  useEffect(() => persistCart(store, showId, cartStorage), [store, showId, cartStorage]);

  useEffect(() => {
    const options = latest.current;
    // Created after mount: nothing touches WebRTC during server rendering.
    const session = createShowSession({
      serverUrl,
      token: () => {
        const token = latest.current.token;
        return typeof token === 'string' ? Promise.resolve(token) : token();
      },
      store,
      ...(options.roomOptions && { roomOptions: options.roomOptions }),
      ...(options.connectOptions && { connectOptions: options.connectOptions }),
      ...(options.retry && { retry: options.retry }),
      ...(options.chatLimits && { chatLimits: options.chatLimits }),
      onJoined: (room) => latest.current.onJoined?.(room),
      onError: (failure) => latest.current.onError?.(failure),
      ...(options.server && { server: options.server }),
    });
    // The room exists only from here (never during server rendering); render once more to provide it.
    setRoom(session.room);
    session.start();
    const unmeasure = measure
      ? bindMetrics(session.room, store, {
          ...metricsOptions,
          ...(options.server && { server: options.server }),
        })
      : undefined;
    // What this person does with the products goes to the server, for the seller's figures.
    const server = options.server;
    const tracker = server
      ? createCommerceTracker({ mode: 'live', send: (events) => server.sendEvents(events) })
      : undefined;
    store.setState({ track: tracker?.track });
    return () => {
      unmeasure?.();
      tracker?.stop();
      store.setState({ track: undefined });
      void session.stop();
    };
  }, [serverUrl, store, measure, metricsOptions]);

  return { store, room };
}
