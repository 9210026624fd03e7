import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type HTMLAttributes,
} from 'react';
import { useChat, useChatModeration, type ChatModerationOptions } from '../hooks/useChat';
import type { ChatMessage, ChatRefusal } from '../store/chat';
import { ChatLine, type ChatLineTools } from './ChatLine';

export interface ChatLabels {
  title: string;
  placeholder: string;
  send: string;
  empty: string;
  /** While the show's server sends the chat so far. */
  historyLoading: string;
  /** The chat so far could not be fetched (new messages still arrive). */
  historyUnavailable: string;
  host: string;
  moderator: string;
  you: string;
  delete: string;
  mute: string;
  muted: string;
  offline: string;
  unreachable: string;
  tooLong: (max: number) => string;
  rateLimited: (seconds: number) => string;
  remaining: (left: number) => string;
  deleteMessageFrom: (name: string) => string;
  muteViewer: (name: string) => string;
  unmuteViewer: (name: string) => string;
  /** Beside a muted author's name, for the host and moderators. */
  mutedTag: string;
  /** Said to the moderator once the server has muted someone. */
  viewerMuted: (name: string) => string;
  viewerUnmuted: (name: string) => string;
  /** Said when a delete or a mute did not go through. */
  moderationFailed: string;
}

export const defaultChatLabels: ChatLabels = {
  title: 'Chat',
  placeholder: 'Say something nice…',
  send: 'Send',
  empty: 'No messages yet. Say hello!',
  historyLoading: 'Loading the chat so far…',
  historyUnavailable: 'Earlier messages could not be loaded; new ones will appear here.',
  host: 'Host',
  moderator: 'Mod',
  you: 'You',
  delete: 'Delete',
  mute: 'Mute',
  muted: 'The host has muted your chat.',
  offline: 'Chat opens when you are connected.',
  unreachable: 'The chat server did not answer. Your message is still here: try again.',
  tooLong: (max) => `Messages are at most ${max} characters.`,
  rateLimited: (seconds) => `You are sending quickly. Try again in ${seconds} s.`,
  remaining: (left) => `${left} characters left`,
  deleteMessageFrom: (name) => `Delete message from ${name}`,
  muteViewer: (name) => `Mute ${name} in chat`,
  unmuteViewer: (name) => `Let ${name} chat again`,
  mutedTag: 'Muted',
  viewerMuted: (name) => `${name} can no longer chat.`,
  viewerUnmuted: (name) => `${name} can chat again.`,
  moderationFailed: 'That did not go through. Check the connection and try again.',
};

export interface ChatPanelProps extends HTMLAttributes<HTMLElement>, ChatModerationOptions {
  labels?: Partial<ChatLabels> | undefined;
  /** Characters per message; default the session's `chatLimits.maxLength` (280). */
  maxLength?: number;
}

function refusalText(refusal: ChatRefusal, l: ChatLabels): string | undefined {
  switch (refusal.reason) {
    case 'empty':
      return undefined;
    case 'too_long':
      return l.tooLong(refusal.maxLength);
    case 'rate_limited':
      return l.rateLimited(Math.ceil(refusal.retryInMs / 1000));
    case 'muted':
      return l.muted;
    case 'offline':
      return l.offline;
    case 'unreachable':
      return l.unreachable;
  }
}

// A speech bubble, struck through for "mute" and open for "unmute".
/**
 * The show's chat: a log of messages (announced politely to screen readers), a form with a
 * character count, feedback when a message is refused, and, for the host and moderators, delete
 * and mute buttons on each message.
 */
export function ChatPanel({
  labels,
  maxLength,
  onMuteViewer,
  onUnmuteViewer,
  className,
  ...rest
}: ChatPanelProps) {
  const l = useMemo(() => ({ ...defaultChatLabels, ...labels }), [labels]);
  const chat = useChat(maxLength);
  const moderation = useChatModeration({ onMuteViewer, onUnmuteViewer });
  const [draft, setDraft] = useState('');
  const [feedback, setFeedback] = useState<string>();
  const [sending, setSending] = useState(false);
  const logRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const feedbackId = useId();
  const left = chat.maxLength - [...draft].length;

  // Keep the newest message in view unless the person scrolled up to read.
  const count = chat.messages.length;
  useEffect(() => {
    const log = logRef.current;
    if (!log || count === 0) return;
    if (log.scrollHeight - log.scrollTop - log.clientHeight < 80) log.scrollTop = log.scrollHeight;
  }, [count]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await chat.send(draft);
    setSending(false);
    if (result.ok) {
      setDraft('');
      setFeedback(undefined);
    } else {
      setFeedback(refusalText(result.refusal, l));
    }
  }

  // A moderation action's outcome, said in the feedback line (a failure is never silent).
  // The same actions for every line, so a line that did not change is not drawn again when a
  // message arrives (at 50 a second, redrawing 200 lines with their buttons took the studio's
  // main thread for 100 ms and more).
  const { canModerate, deleteMessage, muteViewer, unmuteViewer } = moderation;
  const failed = l.moderationFailed;
  const tools = useMemo<ChatLineTools | undefined>(() => {
    if (!canModerate) return undefined;
    const moderate = async (action: Promise<void> | undefined, done?: string) => {
      try {
        await action;
        setFeedback(done);
      } catch {
        setFeedback(failed);
      }
    };
    return {
      onDelete: (id) => void moderate(deleteMessage(id)),
      ...(muteViewer && {
        onMute: (identity, done) => void moderate(muteViewer(identity), done),
      }),
      ...(unmuteViewer && {
        onUnmute: (identity, done) => void moderate(unmuteViewer(identity), done),
      }),
    };
  }, [canModerate, deleteMessage, muteViewer, unmuteViewer, failed]);

  const closed = chat.muted || !chat.connected;
  return (
    <section
      aria-label={l.title}
      {...rest}
      className={className ? `show-chat ${className}` : 'show-chat'}
      data-show-muted={chat.muted || undefined}
    >
      <div
        ref={logRef}
        className="show-chat__log"
        role="log"
        aria-live="polite"
        aria-label={l.title}
        aria-busy={chat.history === 'loading' || undefined}
      >
        <ol className="show-chat__list">
          {chat.history === 'unavailable' && (
            <li className="show-chat__empty">{l.historyUnavailable}</li>
          )}
          {chat.messages.length === 0 && chat.history !== 'unavailable' && (
            <li className="show-chat__empty">
              {chat.history === 'loading' ? l.historyLoading : l.empty}
            </li>
          )}
          {chat.messages.map((message: ChatMessage) => {
            const { identity, role } = message.from;
            const others = !message.local && role === 'viewer';
            return (
              <ChatLine
                key={message.id}
                message={message}
                muted={moderation.canModerate && others && moderation.isMuted(identity)}
                tools={tools}
                l={l}
              />
            );
          })}
        </ol>
      </div>
      <form className="show-chat__form" onSubmit={onSubmit}>
        <label htmlFor={inputId} className="show-visually-hidden">
          {l.placeholder}
        </label>
        <input
          id={inputId}
          className="show-input"
          value={draft}
          placeholder={l.placeholder}
          disabled={closed}
          maxLength={chat.maxLength * 2}
          aria-describedby={feedbackId}
          aria-invalid={left < 0 || undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="show-button" disabled={closed || sending || left < 0}>
          {l.send}
        </button>
      </form>
      <p id={feedbackId} className="show-chat__feedback" aria-live="polite">
        {chat.muted
          ? l.muted
          : !chat.connected
            ? l.offline
            : (feedback ?? (left < 20 ? l.remaining(left) : ''))}
      </p>
    </section>
  );
}
