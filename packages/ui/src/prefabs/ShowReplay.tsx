import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useStore } from 'zustand';
import { CartPanel, type CartLabels, type CheckoutInfo } from '../components/CartPanel';
import { ProductRail, type ProductLabels } from '../components/ProductRail';
import { formatElapsed } from '../format';
import type { CartApi } from '../hooks/useCart';
import { ShowProvider } from '../hooks/context';
import { useMediaSource, type HlsConstructor } from '../hooks/useMediaSource';
import { createCommerceTracker } from '../room/commerce-tracker';
import type { ShowServerClient } from '../room/server-client';
import { persistCart, type CartStorage } from '../store/persist-cart';
import type { Product } from '../store/products';
import { chaptersOf, chatCountAt, pinsAt, type ReplayTimeline } from '../store/replay';
import { createShowStore } from '../store/show-store';

export interface ReplayLabels {
  video: string;
  chapters: string;
  /** Read before each chapter's product and time (visually hidden). */
  jumpTo: string;
  chat: string;
  noChatYet: string;
  host: string;
  moderator: string;
  products: Partial<ProductLabels>;
  cart: Partial<CartLabels>;
}

export const defaultReplayLabels: ReplayLabels = {
  video: 'Replay of the show',
  chapters: 'Products in this show',
  jumpTo: 'Jump to',
  chat: 'Chat replay',
  noChatYet: 'Nothing said yet at this point.',
  host: 'Host',
  moderator: 'Mod',
  products: {},
  cart: {},
};

export interface ShowReplayProps {
  /**
   * The recording: an MP4, or an HLS playlist (natively where the browser plays HLS, else through
   * `hls`). While the show is on, its live playlist: the overflow audience's view.
   */
  src: string;
  /** `Hls` from `hls.js`, for HLS in browsers without it (@show/ui does not depend on hls.js). */
  hls?: HlsConstructor | undefined;
  /**
   * The show is still on (`src` is its live playlist): play from near the live edge, and count
   * what people do with the products as live. Keep `timeline` growing (poll the server): pins
   * still come back by the media's clock, so they never run ahead of the picture.
   */
  live?: boolean | undefined;
  /** What happened when: the server's replay answer, with the recording's `startedAt`. */
  timeline: ReplayTimeline;
  products: readonly Product[];
  /** Keys the saved cart: the same id as the live show shares its cart with the replay. */
  showId: string;
  /** Hands the cart to your checkout, with the id the seller's figures know it by. */
  onCheckout?: ((cart: CartApi, checkout: CheckoutInfo) => void) | undefined;
  /** Where the cart is kept; default localStorage. */
  cartStorage?: CartStorage | undefined;
  /**
   * The show's server (`createShowServerClient`): what people do with the products in the replay
   * goes to the seller's figures, counted apart from the live show's.
   */
  server?: Pick<ShowServerClient, 'sendEvents'> | undefined;
  /** A still shown before playing. */
  poster?: string | undefined;
  locale?: string | undefined;
  labels?: Partial<ReplayLabels> | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/**
 * A recorded show, shoppable: the products pinned at each moment come back over the video as it
 * plays (by the recording's clock, so seeking brings the right ones), chapters jump to each
 * product, the chat replays in step, and add to cart works as it did live.
 */
export function ShowReplay({
  src,
  hls,
  live = false,
  timeline,
  products,
  showId,
  onCheckout,
  cartStorage,
  server,
  poster,
  locale,
  labels,
  className,
  style,
}: ShowReplayProps) {
  const l = { ...defaultReplayLabels, ...labels };
  const store = useMemo(() => createShowStore({ phase: 'ended' }), []);
  const video = useRef<HTMLVideoElement>(null);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => persistCart(store, showId, cartStorage), [store, showId, cartStorage]);
  useEffect(() => {
    if (!server) return;
    const tracker = createCommerceTracker({
      mode: live ? 'live' : 'replay',
      send: (events) => server.sendEvents(events),
    });
    store.setState({ track: tracker.track });
    return () => {
      tracker.stop();
      store.setState({ track: undefined });
    };
  }, [store, server, live]);
  useMediaSource(video, src, hls, live);

  const pinned = pinsAt(timeline, seconds);
  useEffect(() => store.setState({ pinnedIds: pinned }), [store, pinned]);
  const chapters = useMemo(() => chaptersOf(timeline, products), [timeline, products]);
  const said = timeline.chat.slice(0, chatCountAt(timeline, seconds));
  const follow = useCallback(() => setSeconds(video.current?.currentTime ?? 0), []);
  const jump = (to: number) => {
    const element = video.current;
    if (!element) return;
    element.currentTime = to;
    setSeconds(to);
    void element.play().catch(() => {
      // Autoplay refused: the position moved, the person presses play.
    });
  };
  const cartCount = useStore(store, (s) => Object.values(s.cart).reduce((sum, n) => sum + n, 0));

  return (
    <ShowProvider store={store}>
      <div
        className={className ? `show-replay ${className}` : 'show-replay'}
        style={style}
        data-show-position={Math.floor(seconds)}
        data-show-live={live || undefined}
      >
        <div className="show-replay__stage">
          <video
            ref={video}
            className="show-replay__video"
            poster={poster}
            controls
            playsInline
            // Live: playing at once (muted, as browsers allow without a click; the controls unmute).
            autoPlay={live}
            muted={live}
            preload="metadata"
            aria-label={l.video}
            onTimeUpdate={follow}
            onSeeked={follow}
            onSeeking={follow}
          />
          <ProductRail
            className="show-replay__pins"
            products={products}
            pinnedOnly
            locale={locale}
            labels={l.products}
          />
        </div>
        <div className="show-replay__panel">
          {chapters.length > 0 && (
            <nav className="show-replay__chapters" aria-label={l.chapters}>
              <h2 className="show-replay__heading">{l.chapters}</h2>
              <ol>
                {chapters.map(({ product, seconds: at }) => (
                  <li key={product.id}>
                    <button
                      type="button"
                      className="show-button show-button--secondary show-replay__chapter"
                      onClick={() => jump(at)}
                    >
                      <span className="show-visually-hidden">{l.jumpTo}</span> {product.title}{' '}
                      <time>{formatElapsed(at * 1000)}</time>
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <section className="show-replay__chat" aria-label={l.chat}>
            <h2 className="show-replay__heading">{l.chat}</h2>
            {said.length === 0 ? (
              <p className="show-replay__empty">{l.noChatYet}</p>
            ) : (
              <ol className="show-chat__list">
                {said.map(({ id, text, from }) => (
                  <li key={id} className="show-chat__message" data-show-role={from.role}>
                    <span className="show-chat__author">
                      <bdi>{from.name}</bdi>
                      {from.role !== 'viewer' && (
                        <span className={`show-badge show-badge--${from.role}`}>
                          {from.role === 'host' ? l.host : l.moderator}
                        </span>
                      )}
                    </span>{' '}
                    <span className="show-chat__text">{text}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <ProductRail products={products} locale={locale} labels={l.products} />
          {cartCount > 0 && (
            <CartPanel
              products={products}
              locale={locale}
              labels={l.cart}
              {...(onCheckout && { onCheckout })}
            />
          )}
        </div>
      </div>
    </ShowProvider>
  );
}
