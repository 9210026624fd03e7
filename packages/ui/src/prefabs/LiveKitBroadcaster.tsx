import { useMaybeRoomContext } from '@livekit/components-react';
import { Track, type LocalTrack } from 'livekit-client';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { BroadcasterStage, type BroadcasterLabels } from '../components/BroadcasterStage';
import { useShow, useShowStore } from '../hooks/context';
import { useLocalPreview, type LocalPreviewOptions } from '../hooks/useLocalPreview';
import type { ShowSessionProps } from '../hooks/useShowSession';
import { endShow, goLive } from '../room/broadcast';
import type { ShowServerClient } from '../room/server-client';
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
  server,
}: Pick<LiveKitBroadcasterProps, 'labels' | 'createTracks' | 'className' | 'style'> & {
  server: ShowServerClient | undefined;
}) {
  const store = useShowStore();
  const room = useMaybeRoomContext();
  const phase = useShow((s) => s.phase);
  const liveSince = useShow((s) => s.liveSince);
  const tracks = useRef<readonly LocalTrack[]>([]);
  const preview = useLocalPreview({
    ...(createTracks && { createTracks }),
    onTracks: (created) => {
      tracks.current = created;
    },
  });
  const [sharing, setSharing] = useState(false);
  // The room leaves tracks running when it unpublishes them (see below), so the screen share's
  // capture is stopped here: when sharing ends, when the studio unmounts, after a lost connection.
  const screenTracks = useRef<LocalTrack[]>([]);
  const stopScreenShare = () => {
    for (const track of screenTracks.current) track.stop();
    screenTracks.current = [];
  };
  useEffect(() => stopScreenShare, []);

  useEffect(() => {
    if (!room) return;
    // The host's figures so far, when the show's server has them.
    const figures = server?.figures?.bind(server);
    store.setState({
      studio: {
        goLive: () => goLive(room, tracks.current, store),
        endShow: () => endShow(room, store),
        ...(figures && { figures }),
      },
    });
    return () => store.setState({ studio: undefined });
  }, [room, store, server]);

  // A fresh join after the connection was lost for good (a restarted server) starts with nothing
  // published: a host who was live goes live again with the same tracks. LiveKit's own resume
  // keeps the publications, so it never gets here.
  useEffect(() => {
    if (!room || phase !== 'waiting' || liveSince === undefined) return;
    if (room.localParticipant.getTrackPublication(Track.Source.Camera)) return;
    stopScreenShare();
    goLive(room, tracks.current, store).then(
      () => setSharing(false),
      () => {
        // The control panel still offers "Go Live" while the show is not live.
        setSharing(false);
      },
    );
  }, [room, phase, liveSince, store]);

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
                  (publication) => {
                    if (next && publication?.track) screenTracks.current = [publication.track];
                    if (!next) stopScreenShare();
                    setSharing(next);
                  },
                  () => {
                    stopScreenShare();
                    setSharing(false);
                  },
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
  // The preview owns the camera and microphone (it stops them on unmount): a lost connection must
  // not stop them, or going live again after it would publish dead tracks.
  const roomOptions = { ...session.roomOptions, stopLocalTrackOnUnpublish: false };
  return (
    <ShowSession {...session} roomOptions={roomOptions} audio={false}>
      <Broadcaster {...{ labels, createTracks, className, style }} server={session.server} />
      {children}
    </ShowSession>
  );
}
