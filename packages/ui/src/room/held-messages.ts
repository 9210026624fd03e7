/**
 * Messages from senders this client does not know yet, held until it does. Bounded: at most
 * `maxSenders` senders and `maxPerSender` messages each, for at most `maxAgeMs` (the oldest go
 * first), so a flood from unknown identities cannot grow memory.
 */
export function createHeldMessages<T>({
  maxSenders = 200,
  maxPerSender = 20,
  maxAgeMs = 10_000,
  now = Date.now,
}: {
  maxSenders?: number;
  maxPerSender?: number;
  maxAgeMs?: number;
  now?: () => number;
} = {}) {
  // Insertion-ordered: the first sender held is the first forgotten.
  const held = new Map<string, { since: number; items: T[] }>();

  const forgetOld = (at: number) => {
    for (const [identity, entry] of held) {
      if (at - entry.since <= maxAgeMs && held.size <= maxSenders) break;
      held.delete(identity);
    }
  };

  return {
    hold(identity: string, item: T) {
      const at = now();
      const entry = held.get(identity);
      if (entry) {
        if (entry.items.length < maxPerSender) entry.items.push(item);
      } else {
        held.set(identity, { since: at, items: [item] });
      }
      forgetOld(at);
    },
    /** The sender's held messages, oldest first, and forgets them. */
    release(identity: string): T[] {
      const entry = held.get(identity);
      held.delete(identity);
      if (!entry || now() - entry.since > maxAgeMs) return [];
      return entry.items;
    },
    get size() {
      return held.size;
    },
  };
}
