/** Who may moderate and whose messages carry a badge. */
export type ParticipantRole = 'host' | 'moderator' | 'viewer';

export interface ChatAuthor {
  identity: string;
  name: string;
  role: ParticipantRole;
}

export interface ChatMessage {
  id: string;
  text: string;
  /** ms since the epoch, by the sender's clock. */
  sentAt: number;
  from: ChatAuthor;
  /** Sent from this page (or, through a show server, by this person from another tab). */
  local: boolean;
  /** The server's order, when a show server delivered it. */
  seq?: number;
}

export interface ChatLimits {
  /** Characters per message; default 280. */
  maxLength: number;
  /** Messages per window; default 5 per 10 s. */
  maxMessages: number;
  windowMs: number;
  /** Messages kept in memory; older ones scroll away. Default 200. */
  keep: number;
}

export const defaultChatLimits: ChatLimits = {
  maxLength: 280,
  maxMessages: 5,
  windowMs: 10_000,
  keep: 200,
};

export type ChatRefusal =
  | { reason: 'empty' }
  | { reason: 'too_long'; maxLength: number }
  | { reason: 'rate_limited'; retryInMs: number }
  | { reason: 'muted' }
  | { reason: 'offline' }
  /** The show's server did not answer (or failed): the draft is kept for another try. */
  | { reason: 'unreachable' };

/** What became of a message: sent, or refused with the reason (never an exception). */
export type SendResult = { ok: true } | { ok: false; refusal: ChatRefusal };

/** Trims and checks a draft; the text to send, or why not. */
export function checkDraft(
  draft: string,
  limits: Pick<ChatLimits, 'maxLength'>,
): { text: string } | ChatRefusal {
  const text = draft.trim();
  if (text.length === 0) return { reason: 'empty' };
  if ([...text].length > limits.maxLength)
    return { reason: 'too_long', maxLength: limits.maxLength };
  return { text };
}

/**
 * A sliding-window limit: at most `maxMessages` in any `windowMs`. `take` answers how long to
 * wait when the window is full. Holds at most `maxMessages` timestamps.
 */
export function createRateLimiter({
  maxMessages,
  windowMs,
}: Pick<ChatLimits, 'maxMessages' | 'windowMs'>) {
  const sent: number[] = [];
  return {
    take(now: number): { ok: true } | { ok: false; retryInMs: number } {
      while (sent.length > 0 && now - (sent[0] as number) >= windowMs) sent.shift();
      if (sent.length >= maxMessages) {
        return { ok: false, retryInMs: windowMs - (now - (sent[0] as number)) };
      }
      sent.push(now);
      return { ok: true };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Adds a message, ignoring a repeated id, keeping the newest `keep`. Pure. */
export function appendMessage(
  messages: readonly ChatMessage[],
  message: ChatMessage,
  keep: number,
): readonly ChatMessage[] {
  if (messages.some((m) => m.id === message.id)) return messages;
  const next = [...messages, message];
  return next.length > keep ? next.slice(next.length - keep) : next;
}

/**
 * Merges messages a show server delivered (live or as history) into the list: one entry per id,
 * ordered by the server's `seq`, the newest `keep`. Pure.
 */
export function mergeBySeq(
  messages: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
  keep: number,
): readonly ChatMessage[] {
  if (incoming.length === 0) return messages;
  const byId = new Map<string, ChatMessage>();
  for (const message of messages) byId.set(message.id, message);
  let changed = false;
  for (const message of incoming) {
    const existing = byId.get(message.id);
    if (existing && existing.seq === message.seq && (existing.local || !message.local)) continue;
    byId.set(
      message.id,
      existing ? { ...message, local: existing.local || message.local } : message,
    );
    changed = true;
  }
  if (!changed) return messages;
  const merged = [...byId.values()].sort(
    (a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER),
  );
  return merged.length > keep ? merged.slice(merged.length - keep) : merged;
}

/** A random id for a message (128 bits), readable in logs. */
export function messageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
