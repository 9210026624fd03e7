import { useRef, useState, type HTMLAttributes } from 'react';
import { useShow } from '../hooks/context';
import { useCart } from '../hooks/useCart';
import { useImpression } from '../hooks/useImpression';
import { usePinnedProducts } from '../hooks/usePinnedProducts';
import {
  formatPrice,
  isSoldOut,
  maxQuantity,
  safeProductUrl,
  type Product,
} from '../store/products';

export interface ProductLabels {
  title: string;
  pinned: string;
  addToCart: string;
  soldOut: string;
  inCart: (quantity: number) => string;
  stockLeft: (stock: number) => string;
  atLimit: string;
  added: (title: string) => string;
  pin: string;
  unpin: string;
  details: string;
}

export const defaultProductLabels: ProductLabels = {
  title: 'Products',
  pinned: 'Featured now',
  addToCart: 'Add to cart',
  soldOut: 'Sold out',
  inCart: (quantity) => `${quantity} in cart`,
  stockLeft: (stock) => `Only ${stock} left`,
  atLimit: 'That is all we have',
  added: (title) => `${title} added to cart`,
  pin: 'Pin',
  unpin: 'Unpin',
  details: 'Details',
};

export interface ProductCardProps {
  product: Product;
  pinned?: boolean;
  locale?: string | undefined;
  labels?: Partial<ProductLabels> | undefined;
  /** Host view: pin controls instead of the cart button. */
  hostControls?: boolean;
}

/** One product: picture, title, price, stock, and "add to cart" (or pin controls for the host). */
export function ProductCard({
  product,
  pinned = false,
  locale,
  labels,
  hostControls,
}: ProductCardProps) {
  const l = { ...defaultProductLabels, ...labels };
  const cart = useCart([product]);
  const pins = usePinnedProducts([product]);
  const [notice, setNotice] = useState('');
  const card = useRef<HTMLElement>(null);
  // The seller's figures: what viewers see, open and add (never the host's own view).
  const track = useShow((s) => (hostControls ? undefined : s.track));
  useImpression(card, product.id, !hostControls);
  // The host's own list marks what is pinned too.
  const shownPinned = pinned || (hostControls === true && pins.isPinned(product.id));
  const inCart = cart.quantityOf(product.id);
  const soldOut = isSoldOut(product);
  const atLimit = !soldOut && inCart >= maxQuantity(product);
  const lowStock = product.stock !== undefined && product.stock > 0 && product.stock <= 5;
  const href = safeProductUrl(product.url);
  return (
    <article
      ref={card}
      className="show-product"
      data-show-pinned={shownPinned || undefined}
      data-show-sold-out={soldOut || undefined}
      aria-label={product.title}
    >
      {product.image && <img className="show-product__image" src={product.image} alt="" />}
      <div className="show-product__body">
        {shownPinned && <span className="show-badge show-badge--pinned">{l.pinned}</span>}
        <h3 className="show-product__title">
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noreferrer"
              onClick={() => track?.({ type: 'click', product: product.id })}
            >
              {product.title}
            </a>
          ) : (
            product.title
          )}
        </h3>
        <p className="show-product__price">{formatPrice(product.price, locale)}</p>
        {soldOut ? (
          <p className="show-product__stock" data-show-stock="none">
            {l.soldOut}
          </p>
        ) : lowStock ? (
          <p className="show-product__stock" data-show-stock="low">
            {l.stockLeft(product.stock as number)}
          </p>
        ) : null}
        {hostControls ? (
          <button
            {...pins.pinButtonProps(product.id)}
            className="show-button show-button--secondary"
          >
            {pins.isPinned(product.id) ? l.unpin : l.pin}
          </button>
        ) : (
          <button
            {...cart.addButtonProps(product, ({ capped }) => {
              setNotice(capped ? l.atLimit : l.added(product.title));
              if (!capped) track?.({ type: 'add_to_cart', product: product.id, quantity: 1 });
            })}
            className="show-button"
          >
            {soldOut ? l.soldOut : atLimit ? l.atLimit : l.addToCart}
          </button>
        )}
        {inCart > 0 && !hostControls && <p className="show-product__in-cart">{l.inCart(inCart)}</p>}
        <p className="show-visually-hidden" aria-live="polite">
          {notice}
        </p>
      </div>
    </article>
  );
}

export interface ProductRailProps extends HTMLAttributes<HTMLElement> {
  products: readonly Product[];
  locale?: string | undefined;
  labels?: Partial<ProductLabels> | undefined;
  /** Only the pinned products (the overlay on a phone); default false. */
  pinnedOnly?: boolean;
  hostControls?: boolean;
}

/** The products of the show, pinned ones first. */
export function ProductRail({
  products,
  locale,
  labels,
  pinnedOnly = false,
  hostControls = false,
  className,
  ...rest
}: ProductRailProps) {
  const l = { ...defaultProductLabels, ...labels };
  const { pinned, pinnedIds } = usePinnedProducts(products);
  const others = pinnedOnly ? [] : products.filter((p) => !pinnedIds.includes(p.id));
  const shown = [...pinned, ...others];
  return (
    <section
      aria-label={pinnedOnly ? l.pinned : l.title}
      {...rest}
      className={className ? `show-products ${className}` : 'show-products'}
      data-show-pinned-only={pinnedOnly || undefined}
    >
      <ul className="show-products__list">
        {shown.map((product) => (
          <li key={product.id}>
            <ProductCard
              product={product}
              pinned={pinnedIds.includes(product.id)}
              locale={locale}
              labels={labels ?? {}}
              hostControls={hostControls}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
