import type { ButtonHTMLAttributes } from 'react';
import { useReactions } from '../hooks/useReactions';
import { formatCount } from '../format';

export interface ReactionButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  label?: string;
  locale?: string | undefined;
}

/** A heart everyone in the room sees counted. */
export function ReactionButton({
  label = 'Send a heart',
  locale,
  className,
  ...rest
}: ReactionButtonProps) {
  const { count, buttonProps } = useReactions();
  return (
    <button
      {...buttonProps}
      {...rest}
      className={className ? `show-reaction ${className}` : 'show-reaction'}
    >
      <span aria-hidden="true">♥</span>
      <span className="show-visually-hidden">{label}</span>
      <span className="show-reaction__count" aria-live="off">
        {/* Nothing before the first heart (and no formatter built while the viewer joins). */}
        {count > 0 && formatCount(count, locale)}
      </span>
    </button>
  );
}
