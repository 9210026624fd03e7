// Display names as the server accepts them: what other people read next to a message.
import { TokenError } from '@show/token';

/** Characters (code points) in a display name; the chat shows this many. */
export const MAX_NAME_LENGTH = 40;

// Format characters (zero-width, bidi overrides and isolates, …), controls, and unassigned or
// private-use code points: invisible or misleading in a name.
const HIDDEN = /[\p{Cf}\p{Cc}\p{Co}\p{Cn}]/u;
/** Names that would pass for the show's own voice. */
const RESERVED = new Set(['host', 'moderator', 'mod', 'admin', 'show', 'staff', 'system']);

/**
 * The name to show: NFKC-normalised (full-width and compatibility forms folded), inner spaces
 * collapsed. Throws `invalid_name` for invisible or direction-changing characters, more than
 * `MAX_NAME_LENGTH` characters, or a reserved name.
 */
export function displayName(typed: string): string {
  const name = typed.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (name === '') throw new TokenError('invalid_name', 'Choose a name.');
  if (HIDDEN.test(name)) {
    throw new TokenError('invalid_name', 'A name cannot hold invisible or direction characters.');
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    throw new TokenError('invalid_name', `A name is at most ${MAX_NAME_LENGTH} characters.`);
  }
  if (RESERVED.has(name.toLowerCase())) {
    throw new TokenError('invalid_name', 'That name is reserved: choose another.');
  }
  return name;
}
