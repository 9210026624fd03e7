import { useMaybeRoomContext } from '@livekit/components-react';
import type { LocalTrack } from 'livekit-client';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { BroadcasterStage, type BroadcasterLabels } from '../components/BroadcasterStage';
import { useShow, useShowStore } from '../hooks/context';
import { useLocalPreview, type LocalPreviewOptions } from '../hooks/useLocalPreview';
import type { ShowSessionProps } from '../hooks/useShowSession';
import { endShow, goLive } from '../room/broadcast';
import { ShowSession } from './ShowSession';

export interface LiveKitBroadcasterProps extends ShowSessionProps {
  labels?: Partial<BroadcasterLabels> | undefined;
  createTracks?: LocalPreviewOptions['createTracks'] | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  /** Rendered inside the same show: `<StreamControlPanel>`, `<StreamMetrics>`, `<ChatPanel>`. */
  children?: ReactNode;
}

function Broadcaster({
  labels,
  createTracks,
  className,
  style,
}: Pick<LiveKitBroadcasterProps, 'labels' | 'createTracks' | 'className' | 'style'>) {
  const store = useShowStore();
  const room = useMaybeRoomContext();
  const phase = useShow((s) => s.phase);
  const tracks = useRef<readonly LocalTrack[]>([]);
  const preview = useLocalPreview({
    ...(createTracks && { createTracks }),
    onTracks: (created) => {
      tracks.current = created;
    },
  });
  const [sharing, setSharing] = useState(false);

  useEffect(() => {
    if (!room) return;
    store.setState({
      studio: {
        goLive: () => goLive(room, tracks.current, store),
        endShow: () => endShow(room, store),
      },
    });
    return () => store.setState({ studio: undefined });
  }, [room, store]);

  const connected = room !== undefined && (phase === 'waiting' || phase === 'live');
  return (
    <BroadcasterStage
      preview={preview}
      {...{ labels, className, style }}
      screenShare={
        connected
          ? {
              active: sharing,
              toggle: () => {
                const next = !sharing;
                room.localParticipant.setScreenShareEnabled(next).then(
                  () => setSharing(next),
                  () => setSharing(false),
                );
              },
            }
          : undefined
      }
    />
  );
}

/**
 * The host's side of a show: joins with a host token, previews camera and microphone, and
 * publishes them (720p with 180p and 360p simulcast layers) when the control panel's "Go Live"
 * is pressed. Put `<StreamControlPanel>` and `<StreamMetrics>` inside as children.
 */
export function LiveKitBroadcaster({
  labels,
  createTracks,
  className,
  style,
  children,
  ...session
}: LiveKitBroadcasterProps) {
  return (
    <ShowSession {...session} audio={false}>
      <Broadcaster {...{ labels, createTracks, className, style }} />
      {children}
    </ShowSession>
  );
}
