import { useDeferredValue, useId, useState, type CSSProperties } from 'react';
import type { ChatModerationOptions } from '../hooks/useChat';
import type { CartApi } from '../hooks/useCart';
import { useShow } from '../hooks/context';
import { formatCount } from '../format';
import type { Product } from '../store/products';
import { CartPanel, type CartLabels, type CheckoutInfo } from './CartPanel';
import { ChatPanel, type ChatLabels } from './ChatPanel';
import { PlayerStage, type PlayerLabels, type PlayerOptions } from './PlayerStage';
import { ProductRail, type ProductLabels } from './ProductRail';
import { IconButton } from './IconButton';
import { chevronDownIcon, chevronUpIcon } from './icons';
import { ReactionButton } from './ReactionButton';

export interface ShowLayoutLabels {
  chat: string;
  shop: string;
  cart: string;
  heart: string;
  /** On a phone: the button that gives the panel (chat, shop, cart) more of the screen, and back. */
  expandPanel: string;
  collapsePanel: string;
  player: Partial<PlayerLabels>;
  chatPanel: Partial<ChatLabels>;
  products: Partial<ProductLabels>;
  cartPanel: Partial<CartLabels>;
}

export const defaultShowLayoutLabels: ShowLayoutLabels = {
  chat: 'Chat',
  shop: 'Shop',
  cart: 'Cart',
  heart: 'Send a heart',
  expandPanel: 'Show more',
  collapsePanel: 'Show less',
  player: {},
  chatPanel: {},
  products: {},
  cartPanel: {},
};

export interface ShowLayoutProps extends ChatModerationOptions, PlayerOptions {
  products: readonly Product[];
  /** Hands the cart to your checkout, with the id the seller's figures know it by. */
  onCheckout?: ((cart: CartApi, checkout: CheckoutInfo) => void) | undefined;
  locale?: string | undefined;
  labels?: Partial<ShowLayoutLabels> | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

type Tab = 'chat' | 'shop' | 'cart';

/**
 * Video with pinned products and reactions over it, and a panel with chat, products and cart.
 * CSS decides the arrangement from the space it is given (a container query, not the viewport): a
 * side panel from 720 px wide, full-height video with overlays below that (a phone in portrait).
 */
export function ShowLayout({
  products,
  onCheckout,
  onMuteViewer,
  onUnmuteViewer,
  locale,
  labels,
  className,
  style,
  ...player
}: ShowLayoutProps) {
  const l = { ...defaultShowLayoutLabels, ...labels };
  const [tab, setTab] = useState<Tab>('chat');
  // The shop and the cart are built the first time they are opened, not with the page: a joining
  // viewer's first frame waits for nothing hidden (every product's picture decoded, laid out).
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set(['chat']));
  // On a phone the panel lies over the video: a few lines of chat, or most of the screen.
  const [open, setOpen] = useState(false);
  // The picture first: the overlays and the chat render in the background just after (React 19
  // interrupts that render for anything urgent), so the room is joined without waiting for them.
  // React 18 takes no initial value and renders everything at once.
  const whole = useDeferredValue(true, false);
  const choose = (next: Tab) => {
    setTab(next);
    if (!opened.has(next)) setOpened(new Set([...opened, next]));
    // The products and the cart need the room.
    if (next !== 'chat') setOpen(true);
  };
  const cartCount = useShow((s) => Object.values(s.cart).reduce((sum, n) => sum + n, 0));
  const base = useId();
  const tabs: Array<[Tab, string]> = [
    ['chat', l.chat],
    ['shop', l.shop],
    // No count on an empty cart: nothing to say, and a page's first number costs its first
    // Intl.NumberFormat (30-50 ms in a fresh Chromium tab), which would delay a viewer's join.
    ['cart', cartCount > 0 ? `${l.cart} (${formatCount(cartCount, locale)})` : l.cart],
  ];
  return (
    <div
      className={className ? `show-interface ${className}` : 'show-interface'}
      style={style}
      data-show-panel={open ? 'open' : 'collapsed'}
    >
      <div className="show-interface__grid">
        <PlayerStage className="show-interface__stage" labels={l.player} {...player}>
          {whole && (
            <div className="show-interface__overlay">
              <ProductRail
                className="show-interface__pins"
                products={products}
                pinnedOnly
                locale={locale}
                labels={l.products}
              />
              <ReactionButton label={l.heart} locale={locale} />
            </div>
          )}
        </PlayerStage>
        <div className="show-interface__panel">
          <div className="show-interface__tabbar">
            <div role="tablist" className="show-tabs" aria-label={l.chat}>
              {tabs.map(([id, label]) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  id={`${base}-${id}-tab`}
                  aria-controls={`${base}-${id}`}
                  aria-selected={tab === id}
                  tabIndex={tab === id ? 0 : -1}
                  className="show-tabs__tab"
                  onClick={() => choose(id)}
                  onKeyDown={(event) => {
                    const i = tabs.findIndex(([t]) => t === tab);
                    const step =
                      event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                    if (step === 0) return;
                    const next = tabs[(i + step + tabs.length) % tabs.length];
                    if (!next) return;
                    choose(next[0]);
                    document.getElementById(`${base}-${next[0]}-tab`)?.focus();
                  }}
                >
                  {label}
                </button>
              ))}
            </div>
            <IconButton
              className="show-interface__expand"
              label={open ? l.collapsePanel : l.expandPanel}
              icon={open ? chevronDownIcon : chevronUpIcon}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            />
          </div>
          <div
            role="tabpanel"
            id={`${base}-chat`}
            aria-labelledby={`${base}-chat-tab`}
            hidden={tab !== 'chat'}
          >
            {whole && <ChatPanel labels={l.chatPanel} {...{ onMuteViewer, onUnmuteViewer }} />}
          </div>
          <div
            role="tabpanel"
            id={`${base}-shop`}
            aria-labelledby={`${base}-shop-tab`}
            hidden={tab !== 'shop'}
          >
            {opened.has('shop') && (
              <ProductRail products={products} locale={locale} labels={l.products} />
            )}
          </div>
          <div
            role="tabpanel"
            id={`${base}-cart`}
            aria-labelledby={`${base}-cart-tab`}
            hidden={tab !== 'cart'}
          >
            {opened.has('cart') && (
              <CartPanel
                products={products}
                labels={l.cartPanel}
                {...(locale && { locale })}
                {...(onCheckout && { onCheckout })}
              />
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
