// What the server accepts as chat: the same limits @show/ui shows its users, enforced here.
import { ShowServerError } from './server-error';

export interface ChatRules {
  /** Characters (code points) per message; default 280. */
  maxLength: number;
  /** Messages per person per window; default 5 per 10 s. */
  maxMessages: number;
  windowMs: number;
  /** Reactions per person per window (they are summed before anyone sees them); default 20 per 10 s. */
  maxReactions: number;
  /** Messages a late joiner gets; default 100. */
  historySize: number;
}

export const defaultChatRules: ChatRules = {
  maxLength: 280,
  maxMessages: 5,
  windowMs: 10_000,
  maxReactions: 20,
  historySize: 100,
};

// C0/C1 controls except tab and newline, bidi overrides and isolates, and broken surrogates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The message text to keep, trimmed; throws `invalid_request` saying why not. */
export function checkChatText(value: unknown, rules: Pick<ChatRules, 'maxLength'>): string {
  if (typeof value !== 'string')
    throw new ShowServerError('invalid_request', 'text must be a string.');
  const text = value.trim();
  if (text === '') throw new ShowServerError('invalid_request', 'The message is empty.');
  if ([...text].length > rules.maxLength) {
    throw new ShowServerError(
      'invalid_request',
      `A message is at most ${rules.maxLength} characters.`,
    );
  }
  if (UNSAFE.test(text)) {
    throw new ShowServerError('invalid_request', 'The message has control characters in it.');
  }
  return text;
}

const MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A client's id for its message (so a retry is not a second message); checked, never trusted. */
export function checkMessageId(value: unknown): string {
  if (typeof value !== 'string' || !MESSAGE_ID.test(value)) {
    throw new ShowServerError('invalid_request', 'id must be 8–64 letters, digits, "-" or "_".');
  }
  return value;
}
