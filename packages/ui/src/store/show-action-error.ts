import type { ChatRefusal } from './chat';

/** Stable, snake_case: switch on these, never on the message. */
export type ShowActionErrorCode = ChatRefusal['reason'] | 'forbidden' | 'too_many_pins';

export interface ShowActionErrorOptions {
  /** For a chat message that was refused: why, as the chat panel explains it. */
  refusal?: ChatRefusal | undefined;
  /** What went wrong underneath (a network error, the server's answer). */
  cause?: unknown;
}

/** Why something the person asked for (a chat message, a pin) did not happen. */
export class ShowActionError extends Error {
  override readonly name = 'ShowActionError';
  readonly refusal: ChatRefusal | undefined;
  constructor(
    readonly code: ShowActionErrorCode,
    message: string,
    options: ShowActionErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.refusal = options.refusal;
  }
}
