import { memo } from 'react';
import type { ChatMessage, ParticipantRole } from '../store/chat';
import type { ChatLabels } from './ChatPanel';
import { IconButton } from './IconButton';
import { bubbleIcon } from './icons';

const muteIcon = bubbleIcon(true);
const unmuteIcon = bubbleIcon(false);

/** What a host or moderator can do to a line; absent for everyone else. */
export interface ChatLineTools {
  onDelete(id: string): void;
  /** `done` is what to say once it went through. */
  onMute?(identity: string, done: string): void;
  onUnmute?(identity: string, done: string): void;
}

export interface ChatLineProps {
  message: ChatMessage;
  /** The author is muted (shown to moderators only). */
  muted: boolean;
  tools: ChatLineTools | undefined;
  l: ChatLabels;
}

function Badge({ role, l }: { role: ParticipantRole; l: ChatLabels }) {
  if (role === 'viewer') return null;
  return (
    <span className={`show-badge show-badge--${role}`}>
      {role === 'host' ? l.host : l.moderator}
    </span>
  );
}

/**
 * One message of the chat. Memoized: a new message draws its own line, not the 200 before it.
 */
export const ChatLine = memo(function ChatLine({ message, muted, tools, l }: ChatLineProps) {
  const { identity, name, role } = message.from;
  const others = !message.local && role === 'viewer';
  return (
    <li
      className="show-chat__message"
      data-show-role={role}
      data-show-local={message.local || undefined}
      data-show-muted={muted || undefined}
    >
      <span className="show-chat__author">
        {message.local ? l.you : <bdi>{name}</bdi>}
        <Badge role={role} l={l} />
        {muted && <span className="show-badge show-badge--muted">{l.mutedTag}</span>}
      </span>{' '}
      <span className="show-chat__text">{message.text}</span>
      {tools && (
        <span className="show-chat__tools">
          <IconButton
            label={l.deleteMessageFrom(name)}
            icon="×"
            onClick={() => tools.onDelete(message.id)}
          />
          {others && !muted && tools.onMute && (
            <IconButton
              label={l.muteViewer(name)}
              icon={muteIcon}
              onClick={() => tools.onMute?.(identity, l.viewerMuted(name))}
            />
          )}
          {muted && tools.onUnmute && (
            <IconButton
              label={l.unmuteViewer(name)}
              icon={unmuteIcon}
              onClick={() => tools.onUnmute?.(identity, l.viewerUnmuted(name))}
            />
          )}
        </span>
      )}
    </li>
  );
});
