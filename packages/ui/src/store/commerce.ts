import type { AddToCart, CheckoutRequest, ProductClick, ProductImpression } from '@show/analytics';

/**
 * A commerce event as a component reports it (`@show/analytics`' schema, from the page): the
 * tracker adds whether the show is live or a replay.
 */
export type TrackedEvent =
  | Omit<ProductImpression, 'mode'>
  | Omit<ProductClick, 'mode'>
  | Omit<AddToCart, 'mode'>
  | Omit<CheckoutRequest, 'mode'>;
