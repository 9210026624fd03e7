// The commerce events of a show, version 1: what viewers do with the products (seen, opened,
// added to the cart, sent to checkout) and what the shop reports back (purchases). Pages send
// the first four through the show's server; a shop's own backend may send the same events, and
// reports purchases. Everything is checked here, the same way, wherever it comes from.

/** Whether it happened while the show was live or while someone watched its replay. */
export type WatchMode = 'live' | 'replay';

export interface ProductImpression {
  type: 'impression';
  product: string;
  mode: WatchMode;
  /** How long the product was on screen (ms); an impression needs at least 1 000. */
  visibleMs: number;
}

export interface ProductClick {
  type: 'click';
  product: string;
  mode: WatchMode;
}

export interface AddToCart {
  type: 'add_to_cart';
  product: string;
  mode: WatchMode;
  quantity: number;
}

export interface CheckoutLine {
  product: string;
  quantity: number;
}

export interface CheckoutRequest {
  type: 'checkout_request';
  mode: WatchMode;
  /** Chosen by the page; the shop echoes it in its purchase, which ties the two together. */
  checkoutId: string;
  items: CheckoutLine[];
}

export interface Purchase {
  type: 'purchase';
  /** The checkout it completes (from the checkout request), when the shop knows it. */
  checkoutId?: string;
  /** The shop's order id: a purchase is counted once per order. */
  orderId: string;
  items: CheckoutLine[];
}

export type CommerceEvent =
  ProductImpression | ProductClick | AddToCart | CheckoutRequest | Purchase;

export type CommerceEventType = CommerceEvent['type'];

/** The least time on screen that counts as an impression (ms). */
export const IMPRESSION_MS = 1000;

const PRODUCT_ID = /^[\w-]{1,64}$/;
const OPAQUE_ID = /^[\w.:-]{1,128}$/;
const MAX_LINES = 50;
const MAX_QUANTITY = 99;

export type ParseResult = { ok: true; event: CommerceEvent } | { ok: false; error: string };

const fail = (error: string): ParseResult => ({ ok: false, error });
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isQuantity = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_QUANTITY;

function parseLines(value: unknown): CheckoutLine[] | string {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LINES) {
    return `items must be 1 to ${MAX_LINES} lines.`;
  }
  const lines: CheckoutLine[] = [];
  for (const line of value) {
    if (!isObject(line) || typeof line.product !== 'string' || !PRODUCT_ID.test(line.product)) {
      return 'each line needs a product id.';
    }
    if (!isQuantity(line.quantity)) return `each line's quantity must be 1 to ${MAX_QUANTITY}.`;
    lines.push({ product: line.product, quantity: line.quantity });
  }
  return lines;
}

/**
 * Checks one event as it came (from a page, from a shop) and returns it with only the fields of
 * the schema: anything else is dropped, anything wrong is refused in words.
 */
export function parseCommerceEvent(value: unknown): ParseResult {
  if (!isObject(value)) return fail('An event must be an object.');
  const { type } = value;
  if (type === 'purchase') {
    if (typeof value.orderId !== 'string' || !OPAQUE_ID.test(value.orderId)) {
      return fail('orderId must be 1 to 128 letters, digits or . : _ -');
    }
    if (
      value.checkoutId !== undefined &&
      !(typeof value.checkoutId === 'string' && OPAQUE_ID.test(value.checkoutId))
    ) {
      return fail('checkoutId must be 1 to 128 letters, digits or . : _ -');
    }
    const items = parseLines(value.items);
    if (typeof items === 'string') return fail(items);
    return {
      ok: true,
      event: {
        type,
        orderId: value.orderId,
        ...(typeof value.checkoutId === 'string' && { checkoutId: value.checkoutId }),
        items,
      },
    };
  }
  const { mode } = value;
  if (mode !== 'live' && mode !== 'replay') return fail('mode must be "live" or "replay".');
  if (type === 'checkout_request') {
    if (typeof value.checkoutId !== 'string' || !OPAQUE_ID.test(value.checkoutId)) {
      return fail('checkoutId must be 1 to 128 letters, digits or . : _ -');
    }
    const items = parseLines(value.items);
    if (typeof items === 'string') return fail(items);
    return { ok: true, event: { type, mode, checkoutId: value.checkoutId, items } };
  }
  if (typeof value.product !== 'string' || !PRODUCT_ID.test(value.product)) {
    return fail('product must be a product id (1 to 64 letters, digits, _ or -).');
  }
  const { product } = value;
  switch (type) {
    case 'impression': {
      const { visibleMs } = value;
      if (!(
        typeof visibleMs === 'number' &&
        Number.isFinite(visibleMs) &&
        visibleMs >= IMPRESSION_MS
      )) {
        return fail(`visibleMs must be at least ${IMPRESSION_MS}.`);
      }
      return { ok: true, event: { type, product, mode, visibleMs: Math.round(visibleMs) } };
    }
    case 'click':
      return { ok: true, event: { type, product, mode } };
    case 'add_to_cart':
      if (!isQuantity(value.quantity)) return fail(`quantity must be 1 to ${MAX_QUANTITY}.`);
      return { ok: true, event: { type, product, mode, quantity: value.quantity } };
    default:
      return fail('type must be impression, click, add_to_cart, checkout_request or purchase.');
  }
}
