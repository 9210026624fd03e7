import type { CSSProperties } from 'react';
import { splitPlayerOptions } from '../components/PlayerStage';
import { ShowLayout, type ShowLayoutProps } from '../components/ShowLayout';
import type { ShowSessionProps } from '../hooks/useShowSession';
import { ShowSession } from './ShowSession';

export interface ShowInterfaceProps extends ShowSessionProps, ShowLayoutProps {
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/**
 * The viewer's whole show: video with pinned products and reactions over it, chat, the product
 * list and the cart. Full height with overlays on a phone in portrait, a side panel on desktop.
 */
export function ShowInterface(props: ShowInterfaceProps) {
  const [
    player,
    {
      products,
      onCheckout,
      onMuteViewer,
      onUnmuteViewer,
      locale,
      labels,
      className,
      style,
      ...session
    },
  ] = splitPlayerOptions(props);
  const layout = { products, onCheckout, onMuteViewer, onUnmuteViewer, locale, labels };
  return (
    <ShowSession {...session} showId={session.showId ?? session.serverUrl}>
      <ShowLayout {...layout} {...player} {...{ className, style }} />
    </ShowSession>
  );
}
