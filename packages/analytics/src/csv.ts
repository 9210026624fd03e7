// The figures per product as CSV (RFC 4180), for a spreadsheet: one row per product, live and
// replay in columns of their own.
import type { ShowFigures } from './figures';

const COLUMNS = [
  'product',
  'impressions_live',
  'impressions_replay',
  'clicks_live',
  'clicks_replay',
  'added_to_cart_live',
  'added_to_cart_replay',
  'checkout_requests_live',
  'checkout_requests_replay',
  'units_sold',
  'conversion',
] as const;

/** A field as CSV: quoted when it must be, and never read as a formula by a spreadsheet. */
function field(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function figuresToCsv(figures: ShowFigures): string {
  const rows = figures.products.map((p) =>
    [
      p.product,
      p.impressions.live,
      p.impressions.replay,
      p.clicks.live,
      p.clicks.replay,
      p.addedToCart.live,
      p.addedToCart.replay,
      p.checkoutRequests.live,
      p.checkoutRequests.replay,
      p.unitsSold,
      p.conversion === undefined ? undefined : Math.round(p.conversion * 10_000) / 10_000,
    ]
      .map(field)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
