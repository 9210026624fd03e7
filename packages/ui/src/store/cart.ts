import { maxQuantity, type Price, type Product } from './products';

/** Quantities by product id. Only positive quantities are kept. */
export type CartLines = Readonly<Record<string, number>>;

export interface CartChange {
  lines: CartLines;
  /** The quantity asked for was more than stock allows; the line holds the most it can. */
  capped: boolean;
}

/** Sets one line, capped by stock; 0 or less removes it. Pure. */
export function setLine(lines: CartLines, product: Product, quantity: number): CartChange {
  const wanted = Math.max(0, Math.floor(quantity));
  const limit = maxQuantity(product);
  const next = Math.min(wanted, limit);
  const { [product.id]: _removed, ...rest } = lines;
  return { lines: next > 0 ? { ...rest, [product.id]: next } : rest, capped: wanted > limit };
}

export function addToCart(lines: CartLines, product: Product, quantity = 1): CartChange {
  return setLine(lines, product, (lines[product.id] ?? 0) + quantity);
}

export interface CartLine {
  product: Product;
  quantity: number;
  /** Stock allows no more of this product. */
  atLimit: boolean;
}

const SCALE = 10_000;

export interface CartSummary {
  lines: CartLine[];
  /** Units in the cart. */
  count: number;
  /** One total per currency, in the order the currencies first appear. */
  totals: Price[];
}

/**
 * The cart against today's products: lines for products no longer offered are left out, and a
 * quantity above the current stock is shown capped. Totals are summed in ten-thousandths (enough
 * for every ISO 4217 currency), so 0.1 + 0.2 is 0.3, not 0.30000000000000004.
 */
export function summarizeCart(lines: CartLines, products: readonly Product[]): CartSummary {
  const result: CartLine[] = [];
  const minor = new Map<string, number>();
  let count = 0;
  for (const product of products) {
    const held = lines[product.id];
    if (!held) continue;
    const quantity = Math.min(held, maxQuantity(product));
    if (quantity <= 0) continue;
    result.push({ product, quantity, atLimit: quantity >= maxQuantity(product) });
    count += quantity;
    const { currency, amount } = product.price;
    minor.set(currency, (minor.get(currency) ?? 0) + Math.round(amount * SCALE) * quantity);
  }
  const totals = [...minor].map(([currency, units]) => ({ currency, amount: units / SCALE }));
  return { lines: result, count, totals };
}

/** Keeps only well-formed lines: what persisted storage hands back is not trusted. */
export function sanitizeLines(value: unknown): CartLines {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const lines: Record<string, number> = {};
  for (const [id, quantity] of Object.entries(value)) {
    if (typeof quantity === 'number' && Number.isInteger(quantity) && quantity > 0) {
      lines[id] = Math.min(quantity, 10_000);
    }
  }
  return lines;
}
