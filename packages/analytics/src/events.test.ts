import { expect, test } from 'vitest';
import { parseCommerceEvent } from './events';

test.each([
  [{ type: 'impression', product: 'scarf', mode: 'live', visibleMs: 1400.6 }, { visibleMs: 1401 }],
  [{ type: 'click', product: 'scarf', mode: 'replay', extra: 'dropped' }, { type: 'click' }],
  [{ type: 'add_to_cart', product: 'mug', mode: 'live', quantity: 2 }, { quantity: 2 }],
  [
    {
      type: 'checkout_request',
      mode: 'live',
      checkoutId: 'c-1',
      items: [{ product: 'mug', quantity: 1 }],
    },
    { checkoutId: 'c-1' },
  ],
  [
    {
      type: 'purchase',
      orderId: 'order:1001',
      checkoutId: 'c-1',
      items: [{ product: 'mug', quantity: 1 }],
    },
    { orderId: 'order:1001' },
  ],
])('accepted: %j', (value, expected) => {
  const result = parseCommerceEvent(value);
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.event).toMatchObject(expected);
    expect(result.event).not.toHaveProperty('extra');
  }
});

test.each([
  [null, 'An event must be an object.'],
  [
    { type: 'impression', product: 'scarf', mode: 'live', visibleMs: 400 },
    'visibleMs must be at least 1000.',
  ],
  [{ type: 'click', product: '<script>', mode: 'live' }, 'product must be a product id'],
  [{ type: 'click', product: 'scarf', mode: 'later' }, 'mode must be "live" or "replay".'],
  [{ type: 'add_to_cart', product: 'mug', mode: 'live', quantity: 0 }, 'quantity must be 1 to 99.'],
  [
    { type: 'add_to_cart', product: 'mug', mode: 'live', quantity: 1.5 },
    'quantity must be 1 to 99.',
  ],
  [
    { type: 'checkout_request', mode: 'live', checkoutId: 'c', items: [] },
    'items must be 1 to 50 lines.',
  ],
  [
    { type: 'checkout_request', mode: 'live', items: [{ product: 'mug', quantity: 1 }] },
    'checkoutId',
  ],
  [{ type: 'purchase', orderId: 'a b', items: [{ product: 'mug', quantity: 1 }] }, 'orderId'],
  [
    { type: 'purchase', orderId: 'o1', items: [{ product: 'mug', quantity: 100 }] },
    "each line's quantity",
  ],
  [{ type: 'refund', product: 'mug', mode: 'live' }, 'type must be'],
])('refused in words: %j', (value, error) => {
  const result = parseCommerceEvent(value);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toContain(error);
});
