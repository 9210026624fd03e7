import { useCallback } from 'react';
import type { ChatMessage, SendResult } from '../store/chat';
import { ShowActionError } from '../store/show-action-error';
import { useShow } from './context';

export interface ChatApi {
  messages: readonly ChatMessage[];
  /** Never throws: a refusal says why (too long, too fast, muted, offline). */
  send(text: string): Promise<SendResult>;
  muted: boolean;
  connected: boolean;
  maxLength: number;
  /** The chat so far from the show's server: loading, loaded, unavailable (undefined without one). */
  history: 'loading' | 'loaded' | 'unavailable' | undefined;
}

/** `maxLength` overrides the session's `chatLimits.maxLength` (the server's limit, 280 by default). */
export function useChat(maxLength?: number): ChatApi {
  const sessionMaxLength = useShow((s) => s.chatLimits.maxLength);
  const messages = useShow((s) => s.messages);
  const muted = useShow((s) => s.chatMuted);
  const history = useShow((s) => s.history);
  const port = useShow((s) => s.port);
  const connected = useShow(
    (s) => s.phase !== 'connecting' && s.phase !== 'error' && s.phase !== 'idle',
  );
  const send = useCallback(
    async (text: string): Promise<SendResult> => {
      if (!port || !connected) return { ok: false, refusal: { reason: 'offline' } };
      // Refusals come back as values; anything thrown is a failure nobody foresaw.
      return port.sendChat(text).catch(() => ({ ok: false, refusal: { reason: 'offline' } }));
    },
    [port, connected],
  );
  return { messages, send, muted, connected, maxLength: maxLength ?? sessionMaxLength, history };
}

export interface ChatModerationOptions {
  /**
   * Closes a viewer's chat. Implement it on your server with LiveKit's room service
   * (`updateParticipant` with `canPublishData: false`): a client cannot take rights from another.
   */
  onMuteViewer?: ((identity: string) => Promise<void> | void) | undefined;
  /** Opens a muted viewer's chat again, the same way. */
  onUnmuteViewer?: ((identity: string) => Promise<void> | void) | undefined;
}

export interface ChatModeration {
  /** This page is the host's or a moderator's. */
  canModerate: boolean;
  deleteMessage(id: string): Promise<void>;
  /** Undefined when the app gave no `onMuteViewer`. */
  muteViewer: ((identity: string) => Promise<void>) | undefined;
  /** Undefined when the app gave no `onUnmuteViewer`. */
  unmuteViewer: ((identity: string) => Promise<void>) | undefined;
  /** Whose chat is closed now, as LiveKit's server says (it announces watchers every few s). */
  isMuted(identity: string): boolean;
}

export function useChatModeration({
  onMuteViewer,
  onUnmuteViewer,
}: ChatModerationOptions = {}): ChatModeration {
  const port = useShow((s) => s.port);
  const canModerate = useShow((s) => s.self !== undefined && s.self.role !== 'viewer');
  const deleteMessage = useCallback(
    async (id: string) => {
      if (!port) throw new ShowActionError('offline', 'Not connected to the show.');
      await port.deleteMessage(id);
    },
    [port],
  );
  const mutedIdentities = useShow((s) => s.mutedIdentities);
  const muteViewer = useCallback(
    async (identity: string) => {
      await onMuteViewer?.(identity);
    },
    [onMuteViewer],
  );
  const unmuteViewer = useCallback(
    async (identity: string) => {
      await onUnmuteViewer?.(identity);
    },
    [onUnmuteViewer],
  );
  const isMuted = useCallback(
    (identity: string) => mutedIdentities.includes(identity),
    [mutedIdentities],
  );
  return {
    canModerate,
    deleteMessage,
    muteViewer: onMuteViewer && canModerate ? muteViewer : undefined,
    unmuteViewer: onUnmuteViewer && canModerate ? unmuteViewer : undefined,
    isMuted,
  };
}
