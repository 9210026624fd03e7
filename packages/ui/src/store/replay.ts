// A recorded show played back: what was pinned and said at each moment of the recording. The
// recording's position 0 is its first frame (`startedAt`); everything the server logged carries
// the server's time, so position = time − startedAt. Pure.
import type { Product } from './products';
import type { ServerChatMessage } from './server-protocol';

export interface ReplayTimeline {
  /** ms since the epoch of the recording's first frame: its position 0. */
  startedAt: number;
  /** Each change of the pinned products, oldest first (`GET /api/shows/:room/replay`). */
  pins: ReadonlyArray<{ at: number; ids: readonly string[] }>;
  /** The chat, oldest first. */
  chat: readonly ServerChatMessage[];
}

export interface ReplayChapter {
  product: Product;
  /** Where in the recording it was first pinned. */
  seconds: number;
}

const NOTHING: readonly string[] = [];

/** The server's replay answer (`GET /api/shows/:room/replay`): what a timeline is made from. */
export interface ReplayAnswer {
  pins: ReadonlyArray<{ at: number; ids: readonly string[] }>;
  chat: readonly ServerChatMessage[];
  /** Each status change (`live`, `ended`, …), oldest first. */
  status: ReadonlyArray<{ at: number; status: string }>;
}

/**
 * The timeline of the recording that began at `startedAt`, from a server answer that may reach
 * back before it: what was pinned or said before the previous show ended is that show's, not
 * this one's (pins made before going live, in the preview, still apply).
 */
export function replayTimeline(answer: ReplayAnswer, startedAt: number): ReplayTimeline {
  let since = -Infinity;
  for (const change of answer.status) {
    if (change.at > startedAt) break;
    if (change.status === 'ended') since = change.at;
  }
  return {
    startedAt,
    pins: answer.pins.filter((pin) => pin.at > since),
    chat: answer.chat.filter((message) => message.sentAt > since),
  };
}

/** Index of the first of `items` (sorted by `at`) after `time`. */
function firstAfter<T>(items: readonly T[], time: number, at: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (at(items[middle] as T) <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The products pinned at `seconds` into the recording (the last change at or before it). */
export function pinsAt(timeline: ReplayTimeline, seconds: number): readonly string[] {
  const time = timeline.startedAt + seconds * 1000;
  const index = firstAfter(timeline.pins, time, (pin) => pin.at) - 1;
  return index >= 0 ? (timeline.pins[index]?.ids ?? NOTHING) : NOTHING;
}

/** How many of the chat's messages had been sent by `seconds` into the recording. */
export function chatCountAt(timeline: ReplayTimeline, seconds: number): number {
  return firstAfter(timeline.chat, timeline.startedAt + seconds * 1000, (m) => m.sentAt);
}

/**
 * One chapter per product the catalog knows, at the moment it was first pinned (pinned before
 * the recording began: at 0), in the order they came.
 */
export function chaptersOf(
  timeline: ReplayTimeline,
  products: readonly Product[],
): ReplayChapter[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  const chapters: ReplayChapter[] = [];
  const seen = new Set<string>();
  for (const pin of timeline.pins) {
    for (const id of pin.ids) {
      const product = byId.get(id);
      if (!product || seen.has(id)) continue;
      seen.add(id);
      chapters.push({ product, seconds: Math.max(0, (pin.at - timeline.startedAt) / 1000) });
    }
  }
  return chapters;
}
