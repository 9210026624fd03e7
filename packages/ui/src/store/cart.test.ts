import { describe, expect, test } from 'vitest';
import { addToCart, sanitizeLines, setLine, summarizeCart } from './cart';
import type { Product } from './products';

const scarf: Product = {
  id: 'scarf',
  title: 'Scarf',
  price: { amount: 0.1, currency: 'EUR' },
  stock: 2,
};
const mug: Product = { id: 'mug', title: 'Mug', price: { amount: 0.2, currency: 'EUR' } };
const vase: Product = {
  id: 'vase',
  title: 'Vase',
  price: { amount: 35, currency: 'EUR' },
  stock: 0,
};
const yen: Product = { id: 'tea', title: 'Tea', price: { amount: 1200, currency: 'JPY' } };

describe('cart', () => {
  test('adding is capped by stock and says so', () => {
    let change = addToCart({}, scarf);
    expect(change).toEqual({ lines: { scarf: 1 }, capped: false });
    change = addToCart(change.lines, scarf);
    expect(change).toEqual({ lines: { scarf: 2 }, capped: false });
    change = addToCart(change.lines, scarf);
    expect(change).toEqual({ lines: { scarf: 2 }, capped: true });
  });

  test('a sold-out product never enters the cart', () => {
    expect(addToCart({}, vase)).toEqual({ lines: {}, capped: true });
  });

  test('an untracked stock caps at 99; zero or less removes the line', () => {
    expect(setLine({}, mug, 500).lines).toEqual({ mug: 99 });
    expect(setLine({ mug: 3 }, mug, 0).lines).toEqual({});
    expect(setLine({ mug: 3 }, mug, -2).lines).toEqual({});
  });

  test('totals are exact per currency; stale lines are dropped or capped', () => {
    const summary = summarizeCart({ scarf: 5, mug: 1, gone: 3, tea: 2 }, [scarf, mug, yen]);
    expect(summary.count).toBe(5);
    expect(summary.lines.map((l) => [l.product.id, l.quantity, l.atLimit])).toEqual([
      ['scarf', 2, true],
      ['mug', 1, false],
      ['tea', 2, false],
    ]);
    // 2 × 0.1 + 0.2 in floating point is 0.4000000000000001.
    expect(summary.totals).toEqual([
      { currency: 'EUR', amount: 0.4 },
      { currency: 'JPY', amount: 2400 },
    ]);
  });

  test('stored lines are not trusted', () => {
    expect(sanitizeLines({ a: 2, b: -1, c: 1.5, d: '3', e: 1e9 })).toEqual({ a: 2, e: 10_000 });
    expect(sanitizeLines([1, 2])).toEqual({});
    expect(sanitizeLines(null)).toEqual({});
  });
});
