// Which of the room's tracks the recording follows: the host's screen share while there is one,
// the camera otherwise, and the microphone. Pure: the recorder asks again whenever a track comes
// or goes, and switches when the answer changes.

export type TrackSourceName = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

export interface PublishedTrack {
  participant: string;
  sid: string;
  kind: 'video' | 'audio';
  source: TrackSourceName | 'unknown';
}

export interface TrackChoice {
  participant?: string;
  video?: string;
  audio?: string;
}

const VIDEO_ORDER: readonly string[] = ['screen_share', 'camera', 'unknown'];
const AUDIO_ORDER: readonly string[] = ['microphone', 'screen_share_audio', 'unknown'];

function best(tracks: PublishedTrack[], order: readonly string[]): string | undefined {
  let chosen: PublishedTrack | undefined;
  for (const track of tracks) {
    if (!chosen || order.indexOf(track.source) < order.indexOf(chosen.source)) chosen = track;
  }
  return chosen?.sid;
}

/**
 * The tracks to record among `published` (in the order participants joined): those of
 * `participant` when given, else of the first participant who publishes video.
 */
export function chooseTracks(published: PublishedTrack[], participant?: string): TrackChoice {
  const who = participant ?? published.find((track) => track.kind === 'video')?.participant;
  if (who === undefined) return {};
  const theirs = published.filter((track) => track.participant === who);
  const video = best(
    theirs.filter((track) => track.kind === 'video'),
    VIDEO_ORDER,
  );
  const audio = best(
    theirs.filter((track) => track.kind === 'audio'),
    AUDIO_ORDER,
  );
  return {
    participant: who,
    ...(video !== undefined && { video }),
    ...(audio !== undefined && { audio }),
  };
}
