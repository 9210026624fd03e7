import type { ChatRefusal } from './chat';

export type ShowActionErrorCode = ChatRefusal['reason'] | 'forbidden' | 'too-many-pins';

/** Why something the person asked for (a chat message, a pin) did not happen. */
export class ShowActionError extends Error {
  override readonly name = 'ShowActionError';
  constructor(
    readonly code: ShowActionErrorCode,
    message: string,
    readonly refusal?: ChatRefusal,
  ) {
    super(message);
  }
}
