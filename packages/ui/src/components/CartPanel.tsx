import type { HTMLAttributes } from 'react';
import { useShow } from '../hooks/context';
import { useCart, type CartApi } from '../hooks/useCart';
import { formatPrice, maxQuantity, type Product } from '../store/products';
import { IconButton } from './IconButton';

export interface CartLabels {
  title: string;
  empty: string;
  checkout: string;
  remove: string;
  total: string;
  quantityOf: (title: string) => string;
  decrease: (title: string) => string;
  increase: (title: string) => string;
  atLimit: string;
}

export const defaultCartLabels: CartLabels = {
  title: 'Your cart',
  empty: 'Your cart is empty. Add something from the show!',
  checkout: 'Checkout',
  remove: 'Remove',
  total: 'Total',
  quantityOf: (title) => `Quantity of ${title}`,
  decrease: (title) => `One less ${title}`,
  increase: (title) => `One more ${title}`,
  atLimit: 'No more in stock',
};

export interface CartPanelProps extends Omit<HTMLAttributes<HTMLElement>, 'onChange'> {
  products: readonly Product[];
  /** Hands the cart to your checkout; the stream keeps playing. */
  onCheckout?: ((cart: CartApi, checkout: CheckoutInfo) => void) | undefined;
  locale?: string | undefined;
  labels?: Partial<CartLabels> | undefined;
}

/** What goes to your checkout beside the cart. */
export interface CheckoutInfo {
  /**
   * This checkout's id, also in the `checkout_request` the seller's figures got: give it to your
   * shop, which reports it back with the purchase (`@show/analytics`), tying the two together.
   */
  checkoutId: string;
}

/**
 * A random id for one checkout. `randomUUID` only exists on secure pages (https, localhost);
 * elsewhere the same 122 random bits come from `getRandomValues`, which every browser has.
 */
function newCheckoutId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The cart: lines with quantity steppers capped by stock, totals per currency, checkout. */
export function CartPanel({
  products,
  onCheckout,
  locale,
  labels,
  className,
  ...rest
}: CartPanelProps) {
  const l = { ...defaultCartLabels, ...labels };
  const cart = useCart(products);
  const track = useShow((s) => s.track);
  return (
    <section
      aria-label={l.title}
      {...rest}
      className={className ? `show-cart ${className}` : 'show-cart'}
      data-show-count={cart.count}
    >
      <h2 className="show-cart__title">{l.title}</h2>
      {cart.lines.length === 0 ? (
        <p className="show-cart__empty">{l.empty}</p>
      ) : (
        <ul className="show-cart__lines">
          {cart.lines.map(({ product, quantity, atLimit }) => (
            <li
              key={product.id}
              className="show-cart__line"
              data-show-at-limit={atLimit || undefined}
            >
              <span className="show-cart__name">{product.title}</span>
              <span className="show-stepper" role="group" aria-label={l.quantityOf(product.title)}>
                <IconButton
                  label={l.decrease(product.title)}
                  icon="−"
                  onClick={() => cart.setQuantity(product, quantity - 1)}
                />
                <output aria-live="polite">{quantity}</output>
                <IconButton
                  label={l.increase(product.title)}
                  icon="+"
                  disabled={quantity >= maxQuantity(product)}
                  onClick={() => cart.setQuantity(product, quantity + 1)}
                />
              </span>
              <span className="show-cart__price">
                {formatPrice({ ...product.price, amount: product.price.amount * quantity }, locale)}
              </span>
              {atLimit && <span className="show-cart__limit">{l.atLimit}</span>}
              <button
                type="button"
                className="show-link-button"
                onClick={() => cart.remove(product)}
              >
                {l.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cart.totals.map((total) => (
        <p key={total.currency} className="show-cart__total">
          {l.total}: <strong>{formatPrice(total, locale)}</strong>
        </p>
      ))}
      <button
        type="button"
        className="show-button show-button--primary"
        disabled={cart.count === 0 || !onCheckout}
        onClick={() => {
          if (!onCheckout) return;
          const checkoutId = newCheckoutId();
          track?.({
            type: 'checkout_request',
            checkoutId,
            items: cart.lines.map((line) => ({
              product: line.product.id,
              quantity: line.quantity,
            })),
          });
          onCheckout(cart, { checkoutId });
        }}
      >
        {l.checkout}
      </button>
    </section>
  );
}
