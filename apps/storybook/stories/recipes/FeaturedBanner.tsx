// A recipe: your own featured-product banner, from @show/ui's hooks and tokens (no ProductCard).
// It reads the host's pins, adds to the same cart as the rest of the show, and looks like the kit
// because it uses the kit's design tokens.
import { formatPrice, useCart, usePinnedProducts, type Product } from '@show/ui';

export interface FeaturedBannerProps {
  products: readonly Product[];
  locale?: string;
}

export function FeaturedBanner({ products, locale }: FeaturedBannerProps) {
  const { pinned } = usePinnedProducts(products);
  const cart = useCart(products);
  const product = pinned[0];
  if (!product) return null;
  return (
    <section
      aria-label="Featured now"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 'var(--show-space-3)',
        padding: 'var(--show-space-3) var(--show-space-4)',
        borderRadius: 'var(--show-radius-pill)',
        background: 'var(--show-color-accent)',
        color: 'var(--show-color-on-accent)',
        fontFamily: 'var(--show-font)',
      }}
    >
      <strong style={{ fontSize: 'var(--show-text-lg)', flex: 1 }}>{product.title}</strong>
      <span>{formatPrice(product.price, locale)}</span>
      {cart.quantityOf(product.id) > 0 && <span>In cart: {cart.quantityOf(product.id)}</span>}
      <button {...cart.addButtonProps(product)} className="show-button">
        Add to cart
      </button>
    </section>
  );
}
