// The kit's icons: 16-unit line drawings in the text's colour, sized by the font (1em). SVG, not
// emoji: many systems have no emoji font.
import type { ReactNode } from 'react';

function lines(...paths: ReactNode[]) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {paths}
    </svg>
  );
}

const speaker = <path key="s" d="M2 6h2.5L8 3v10L4.5 10H2z" />;
export const soundOnIcon = lines(
  speaker,
  <path key="w" d="M10.5 5.5a3.5 3.5 0 0 1 0 5M12.5 3.5a6.4 6.4 0 0 1 0 9" />,
);
export const soundOffIcon = lines(speaker, <path key="x" d="M10.5 6l4 4M14.5 6l-4 4" />);
export const fullscreenIcon = lines(<path key="f" d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />);
export const exitFullscreenIcon = lines(
  <path key="f" d="M6 2v4H2M14 6h-4V2M10 14v-4h4M2 10h4v4" />,
);
export const pictureInPictureIcon = lines(
  <rect key="o" x="1.5" y="2.5" width="13" height="11" rx="1.5" />,
  <rect key="i" x="8" y="8" width="5" height="4" rx="0.5" fill="currentColor" />,
);
export const awayIcon = lines(
  <circle key="c" cx="8" cy="8" r="6.5" />,
  <path key="p" d="M6.5 5.5v5M9.5 5.5v5" />,
);
export const problemIcon = lines(
  <path key="t" d="M8 1.8L15 14H1z" />,
  <path key="m" d="M8 6.5v3.5M8 12v.01" />,
);

export const chevronUpIcon = lines(<path key="c" d="M3.5 10l4.5-4.5 4.5 4.5" />);
export const chevronDownIcon = lines(<path key="c" d="M3.5 6l4.5 4.5 4.5-4.5" />);

/** A speech bubble, struck through for "mute this viewer's chat". */
export function bubbleIcon(struck: boolean) {
  return lines(
    <path key="b" d="M2.5 3.5h11v7.5H7.5L4.5 13.5V11h-2z" />,
    struck && <path key="x" d="M1.5 1.5l13 13" />,
  );
}
