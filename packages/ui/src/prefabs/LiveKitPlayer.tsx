import type { CSSProperties } from 'react';
import {
  PlayerStage,
  splitPlayerOptions,
  type PlayerLabels,
  type PlayerOptions,
} from '../components/PlayerStage';
import type { ShowSessionProps } from '../hooks/useShowSession';
import { ShowSession } from './ShowSession';

export interface LiveKitPlayerProps extends ShowSessionProps, PlayerOptions {
  labels?: Partial<PlayerLabels> | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/** A viewer's player: joins the show with a viewer token and shows the host, in every state. */
export function LiveKitPlayer(props: LiveKitPlayerProps) {
  const [player, { labels, className, style, ...session }] = splitPlayerOptions(props);
  return (
    <ShowSession {...session}>
      <PlayerStage {...player} {...{ labels, className, style }} />
    </ShowSession>
  );
}
