// The show's outgoing actions (the store's `port`): chat, deletes, reactions, pins, audio, retry.
// Through the show's server when there is one, else as data messages and attributes in the room.
import { ConnectionState, type Room } from 'livekit-client';
import {
  appendMessage,
  checkDraft,
  createRateLimiter,
  mergeBySeq,
  messageId,
  type ChatLimits,
  type ChatMessage,
  type ChatRefusal,
  type SendResult,
} from '../store/chat';
import {
  CHAT_TOPIC,
  encodeMessage,
  encodePins,
  MAX_PINS,
  PINS_ATTRIBUTE,
  REACTION_TOPIC,
  type ShowMessage,
} from '../store/protocol';
import type { ServerChatMessage } from '../store/server-protocol';
import { ShowActionError } from '../store/show-action-error';
import type { ShowPort, ShowStore } from '../store/show-store';
import type { ShowServerClient } from './server-client';
import { authorOf } from './show-from-room';

export interface ShowPortOptions {
  room: Room;
  store: ShowStore;
  limits: ChatLimits;
  server: ShowServerClient | undefined;
  /** A message the server stored, as this page shows it. */
  toChat(message: ServerChatMessage): ChatMessage;
  /** Re-reads the room into the store (after the host's own pins change). */
  sync(): void;
  onRetry: (() => void) | undefined;
  now(): number;
}

export function createShowPort(options: ShowPortOptions): ShowPort {
  const { room, store, limits, server, toChat, now } = options;
  const limiter = createRateLimiter(limits);
  const self = () => authorOf(room.localParticipant);
  /** The last message the server did not answer for: sent again, it keeps its id. */
  let unsent: { text: string; id: string } | undefined;

  const publish = async (topic: string, message: ShowMessage, reliable: boolean) => {
    if (room.state !== ConnectionState.Connected) {
      throw new ShowActionError('offline', 'Not connected to the show.');
    }
    await room.localParticipant.publishData(encodeMessage(message), { topic, reliable });
  };

  const refused = (refusal: ChatRefusal): SendResult => ({ ok: false, refusal });

  const sendThroughServer = async (client: ShowServerClient, text: string): Promise<SendResult> => {
    // The server limits and stamps; its refusals (too fast, muted, unreachable) reach the UI.
    // A retry of a message that may have arrived keeps its id: the server stores it once.
    const id = unsent?.text === text ? unsent.id : messageId();
    unsent = { text, id };
    let stored: ServerChatMessage;
    try {
      stored = await client.sendChat(text, id);
    } catch (error) {
      // The HTTP client's refusals are errors (it is a network call); here they become values.
      if (!(error instanceof ShowActionError)) throw error;
      if (error.code !== 'unreachable') unsent = undefined;
      return refused(error.refusal ?? { reason: 'offline' });
    }
    unsent = undefined;
    const { messages } = store.getState();
    store.setState({
      messages: mergeBySeq(messages, [{ ...toChat(stored), local: true }], limits.keep),
    });
    return { ok: true };
  };

  const sendInRoom = async (text: string): Promise<SendResult> => {
    if (room.state !== ConnectionState.Connected) return refused({ reason: 'offline' });
    const allowed = limiter.take(now());
    if (!allowed.ok) return refused({ reason: 'rate_limited', retryInMs: allowed.retryInMs });
    const message = { type: 'chat', id: messageId(), text, sentAt: now() } as const;
    await publish(CHAT_TOPIC, message, true);
    const entry: ChatMessage = { ...message, from: self(), local: true };
    store.setState({ messages: appendMessage(store.getState().messages, entry, limits.keep) });
    return { ok: true };
  };

  return {
    async sendChat(draft) {
      if (store.getState().chatMuted) return refused({ reason: 'muted' });
      const checked = checkDraft(draft, limits);
      if (!('text' in checked)) return refused(checked);
      return server ? sendThroughServer(server, checked.text) : sendInRoom(checked.text);
    },
    async deleteMessage(id) {
      if (self().role === 'viewer') {
        throw new ShowActionError('forbidden', 'Only the host and moderators delete messages.');
      }
      if (server) await server.deleteMessage(id);
      else await publish(CHAT_TOPIC, { type: 'chat.delete', id }, true);
      store.setState({ messages: store.getState().messages.filter((m) => m.id !== id) });
    },
    async react() {
      if (server) {
        // Counted when the server's summed count comes back, like everyone else's taps.
        await server.react();
        return;
      }
      await publish(REACTION_TOPIC, { type: 'reaction' }, false);
      store.setState({ reactions: store.getState().reactions + 1 });
    },
    async setPins(ids) {
      if (self().role !== 'host') throw new ShowActionError('forbidden', 'Only the host pins.');
      const unique = [...new Set(ids)];
      if (unique.length > MAX_PINS) {
        throw new ShowActionError('too_many_pins', `At most ${MAX_PINS} products can be pinned.`);
      }
      if (server) await server.setPins(unique);
      else await room.localParticipant.setAttributes({ [PINS_ATTRIBUTE]: encodePins(unique) });
      options.sync();
    },
    startAudio: () => room.startAudio(),
    retry: () => options.onRetry?.(),
  };
}
