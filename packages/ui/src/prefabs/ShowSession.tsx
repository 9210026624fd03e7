import { RoomAudioRenderer, RoomContext } from '@livekit/components-react';
import type { ReactNode } from 'react';
import { ShowProvider, useShow } from '../hooks/context';
import { useShowSession, type ShowSessionProps } from '../hooks/useShowSession';
import type { ShowStore } from '../store/show-store';

export interface ShowSessionRootProps extends ShowSessionProps {
  children?: ReactNode;
  /** Plays the room's audio (default true); the player's "tap to unmute" handles autoplay blocks. */
  audio?: boolean;
}

/**
 * Joins a show and provides it to everything below: our hooks through the show's store, and
 * LiveKit's own hooks through `RoomContext`, so `@livekit/components-react` works inside too.
 */
export function ShowSession({ children, audio = true, ...props }: ShowSessionRootProps) {
  const { store, room } = useShowSession(props);
  return (
    <ShowProvider store={store}>
      {/* One tree before and after the room exists: children never remount (the camera stays on). */}
      <RoomContext.Provider value={room}>
        {audio && room && <ShowAudio />}
        {children}
      </RoomContext.Provider>
    </ShowProvider>
  );
}

export type { ShowStore };

/** The room's audio at the viewer's volume and mute (the player's controls set them). */
function ShowAudio() {
  const volume = useShow((s) => s.volume);
  const soundOff = useShow((s) => s.soundOff);
  return <RoomAudioRenderer volume={volume} muted={soundOff} />;
}
