import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The button's name, for screen readers and as its tooltip. */
  label: string;
  /**
   * A symbol shown instead of the label (a character or an inline SVG); hidden from assistive
   * technology. Prefer SVG to emoji: many systems have no emoji font.
   */
  icon: ReactNode;
}

/** A compact button whose name is its label, never the symbol it shows. */
export function IconButton({ label, icon, className, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      title={label}
      {...rest}
      className={className ? `show-icon-button ${className}` : 'show-icon-button'}
    >
      <span aria-hidden="true">{icon}</span>
      <span className="show-visually-hidden">{label}</span>
    </button>
  );
}
