import type { CSSProperties } from 'react';
import { PlayerStage, type PlayerLabels } from '../components/PlayerStage';
import type { ShowSessionProps } from '../hooks/useShowSession';
import { ShowSession } from './ShowSession';

export interface LiveKitPlayerProps extends ShowSessionProps {
  labels?: Partial<PlayerLabels> | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/** A viewer's player: joins the show with a viewer token and shows the host, in every state. */
export function LiveKitPlayer({ labels, className, style, ...session }: LiveKitPlayerProps) {
  return (
    <ShowSession {...session}>
      <PlayerStage {...{ labels, className, style }} />
    </ShowSession>
  );
}
