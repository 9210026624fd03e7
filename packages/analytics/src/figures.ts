// A show's figures for its seller, from what the show's server logged: who was there when (joins
// and leaves, by person), and what people did with the products. Pure: the same log gives the
// same figures, wherever they are computed.
import type { CheckoutLine, CommerceEvent, WatchMode } from './events';

export interface AudienceChange {
  kind: 'join' | 'leave';
  /** A person (every tab of one browser), not a connection. */
  person: string;
  /** ms since the epoch. */
  at: number;
}

export interface RecordedEvent {
  person: string;
  at: number;
  event: CommerceEvent;
}

export interface FiguresInput {
  /** The show's time on air, ms since the epoch: from going live to the end (or now). */
  from: number;
  to: number;
  /** Joins and leaves in the order they happened (those before `from` say who was already in). */
  audience: readonly AudienceChange[];
  /** Commerce events, live and replay, in any order. */
  events: readonly RecordedEvent[];
  /** Hearts tapped, summed by the server over short spells: `count` taps up to `at`. */
  reactions?: readonly ReactionTally[];
}

export interface ReactionTally {
  at: number;
  count: number;
}

export interface Counted {
  live: number;
  replay: number;
}

export interface ProductFigures {
  product: string;
  /** Times it was on screen for at least a second. */
  impressions: Counted;
  clicks: Counted;
  /** Units added to carts. */
  addedToCart: Counted;
  /** Checkout requests that held it. */
  checkoutRequests: Counted;
  /** Units the shop reported sold (each order once). */
  unitsSold: number;
  /**
   * People who asked to check out with it, of the people who saw it (an impression): from 0 to 1,
   * undefined when nobody saw it.
   */
  conversion: number | undefined;
}

export interface ShowFigures {
  from: number;
  to: number;
  /** People who watched live (at least one join while on air). */
  uniqueViewers: number;
  /** People who did anything in the replay. */
  replayViewers: number;
  peakConcurrency: number;
  /** Watching at `to` (at the end, or now while the show is live). */
  viewersNow: number;
  /** Hearts tapped while on air. */
  hearts: number;
  /** Units added to carts, all products. */
  addedToCart: Counted;
  /** Checkout requests (each once, however many products it held). */
  checkoutRequests: Counted;
  /** Viewers on average over the time on air. */
  averageConcurrency: number;
  /** Of the live viewers, the average time watched (s). */
  averageWatchSeconds: number;
  /** People who asked to check out, of the people who watched (live or replay): 0 to 1. */
  checkoutConversion: number | undefined;
  orders: number;
  /** By product, the most seen first. */
  products: ProductFigures[];
}

const counted = (): Counted => ({ live: 0, replay: 0 });

interface ProductTally {
  figures: ProductFigures;
  seenBy: Set<string>;
  checkedOutBy: Set<string>;
}

/** Watch time, concurrency and unique viewers from the joins and leaves. */
function audienceFigures(input: FiguresInput) {
  const { from, to } = input;
  const connections = new Map<string, number>();
  const since = new Map<string, number>();
  const watched = new Map<string, number>();
  let present = 0;
  let peak = 0;
  let totalMs = 0;
  const accrue = (person: string, until: number) => {
    const start = since.get(person);
    if (start === undefined) return;
    const ms = Math.max(0, Math.min(until, to) - Math.max(start, from));
    // Someone who came and went before the show went live did not watch it.
    if (ms > 0 || watched.has(person)) watched.set(person, (watched.get(person) ?? 0) + ms);
    totalMs += ms;
    since.delete(person);
  };
  for (const change of input.audience) {
    if (change.at > to) break;
    const before = connections.get(change.person) ?? 0;
    const after = Math.max(0, before + (change.kind === 'join' ? 1 : -1));
    connections.set(change.person, after);
    if (before === 0 && after > 0) {
      since.set(change.person, change.at);
      present++;
      if (change.at >= from) watched.set(change.person, watched.get(change.person) ?? 0);
    } else if (before > 0 && after === 0) {
      accrue(change.person, change.at);
      present--;
    }
    if (change.at >= from) peak = Math.max(peak, present);
    else peak = present; // who was in when the show went live
  }
  for (const person of [...since.keys()]) accrue(person, to);
  const viewers = watched.size;
  const duration = Math.max(1, to - from);
  return {
    viewers: new Set(watched.keys()),
    peakConcurrency: peak,
    presentAtEnd: present,
    averageConcurrency: totalMs / duration,
    averageWatchSeconds: viewers === 0 ? 0 : totalMs / viewers / 1000,
  };
}

export function showFigures(input: FiguresInput): ShowFigures {
  const audience = audienceFigures(input);
  const tallies = new Map<string, ProductTally>();
  const tally = (product: string) => {
    let entry = tallies.get(product);
    if (!entry) {
      entry = {
        figures: {
          product,
          impressions: counted(),
          clicks: counted(),
          addedToCart: counted(),
          checkoutRequests: counted(),
          unitsSold: 0,
          conversion: undefined,
        },
        seenBy: new Set(),
        checkedOutBy: new Set(),
      };
      tallies.set(product, entry);
    }
    return entry;
  };
  const replayViewers = new Set<string>();
  const addedToCart = counted();
  const checkoutRequests = counted();
  const checkedOut = new Set<string>();
  const orders = new Set<string>();
  const add = (target: Counted, mode: WatchMode, n = 1) => {
    target[mode] += n;
  };
  const distinct = (items: CheckoutLine[]) => new Map(items.map((line) => [line.product, line]));

  for (const { person, event } of input.events) {
    if (event.type !== 'purchase' && event.mode === 'replay') replayViewers.add(person);
    switch (event.type) {
      case 'impression': {
        const entry = tally(event.product);
        add(entry.figures.impressions, event.mode);
        entry.seenBy.add(person);
        break;
      }
      case 'click':
        add(tally(event.product).figures.clicks, event.mode);
        break;
      case 'add_to_cart':
        add(tally(event.product).figures.addedToCart, event.mode, event.quantity);
        add(addedToCart, event.mode, event.quantity);
        break;
      case 'checkout_request':
        checkedOut.add(person);
        add(checkoutRequests, event.mode);
        for (const product of distinct(event.items).keys()) {
          const entry = tally(product);
          add(entry.figures.checkoutRequests, event.mode);
          entry.checkedOutBy.add(person);
        }
        break;
      case 'purchase':
        if (orders.has(event.orderId)) break;
        orders.add(event.orderId);
        for (const line of event.items) tally(line.product).figures.unitsSold += line.quantity;
        break;
    }
  }

  const products = [...tallies.values()].map(({ figures, seenBy, checkedOutBy }) => ({
    ...figures,
    conversion:
      seenBy.size === 0
        ? undefined
        : [...checkedOutBy].filter((person) => seenBy.has(person)).length / seenBy.size,
  }));
  const total = (figures: ProductFigures) => figures.impressions.live + figures.impressions.replay;
  products.sort((a, b) => total(b) - total(a) || a.product.localeCompare(b.product));
  const watchers = new Set([...audience.viewers, ...replayViewers]);
  return {
    from: input.from,
    to: input.to,
    uniqueViewers: audience.viewers.size,
    replayViewers: replayViewers.size,
    peakConcurrency: audience.peakConcurrency,
    viewersNow: audience.presentAtEnd,
    hearts: (input.reactions ?? [])
      .filter(({ at }) => at >= input.from && at <= input.to)
      .reduce((sum, { count }) => sum + count, 0),
    addedToCart,
    checkoutRequests,
    averageConcurrency: audience.averageConcurrency,
    averageWatchSeconds: audience.averageWatchSeconds,
    checkoutConversion: watchers.size === 0 ? undefined : checkedOut.size / watchers.size,
    orders: orders.size,
    products,
  };
}
