/** A product the show sells. Products come in as props; the show never fetches them. */
export interface Product {
  id: string;
  title: string;
  /** `amount` in the currency's major unit (49.99 for €49.99); `currency` an ISO 4217 code. */
  price: Price;
  /** Image URL; rendered with the title as its text alternative. */
  image?: string;
  /** The product page, opened in a new tab. */
  url?: string;
  /** Units left; absent means not tracked. 0 is sold out. */
  stock?: number;
}

export interface Price {
  amount: number;
  currency: string;
}

/**
 * A product link the page may follow: http(s) only, so a catalogue entry can never run script
 * (`javascript:`) or open something else (`data:`, `file:`). Undefined for anything else.
 */
export function safeProductUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    // Relative links resolve against the page, and stay on its scheme.
    const parsed = new URL(url, 'https://relative.invalid/');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The most of one product a cart may hold when its stock is not tracked. */
export const MAX_UNTRACKED_QUANTITY = 99;

/** The most of `product` one cart may hold: its stock, or 99 when stock is not tracked. */
export function maxQuantity(product: Pick<Product, 'stock'>): number {
  if (product.stock === undefined) return MAX_UNTRACKED_QUANTITY;
  return Math.max(0, Math.floor(product.stock));
}

export function isSoldOut(product: Pick<Product, 'stock'>): boolean {
  return maxQuantity(product) === 0;
}

const formats = new Map<string, Intl.NumberFormat>();

/** One cached formatter per locale and currency: `Intl.NumberFormat` is slow to build. */
export function priceFormat(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

export function formatPrice(price: Price, locale?: string): string {
  return priceFormat(price.currency, locale).format(price.amount);
}

/** Why a product list cannot be shown; undefined when it is fine. Checked once per list. */
export function productProblem(products: readonly Product[]): string | undefined {
  const seen = new Set<string>();
  for (const product of products) {
    if (!product.id) return 'Every product needs a non-empty id.';
    if (seen.has(product.id)) return `Product id "${product.id}" appears twice.`;
    seen.add(product.id);
    if (!Number.isFinite(product.price.amount) || product.price.amount < 0) {
      return `Product "${product.id}" has a price that is not a non-negative number.`;
    }
    if (!/^[A-Z]{3}$/.test(product.price.currency)) {
      return `Product "${product.id}" has currency "${product.price.currency}"; use an ISO 4217 code such as "EUR".`;
    }
    if (product.stock !== undefined && !(product.stock >= 0)) {
      return `Product "${product.id}" has a negative stock.`;
    }
  }
  return undefined;
}
