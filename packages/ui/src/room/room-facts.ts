// Reads a livekit-client Room into the plain facts `showFromRoom` maps (the one LiveKit-facing
// half of that mapping).
import {
  ConnectionState,
  Track,
  type Participant,
  type Room,
  type TrackPublication,
} from 'livekit-client';
import type { AttachableTrack } from '../store/show-store';
import type { ParticipantFacts, RoomFacts } from './show-from-room';

function videoOf(participant: Participant, source: Track.Source): AttachableTrack | undefined {
  const publication: TrackPublication | undefined = participant.getTrackPublication(source);
  if (!publication || publication.isMuted) return undefined;
  return publication.videoTrack;
}

export function participantFacts(participant: Participant): ParticipantFacts {
  return {
    identity: participant.identity,
    name: participant.name ?? '',
    attributes: participant.attributes,
    canPublishData: participant.permissions?.canPublishData,
    camera: videoOf(participant, Track.Source.Camera),
    screen: videoOf(participant, Track.Source.ScreenShare),
    microphone: participant.getTrackPublication(Track.Source.Microphone) !== undefined,
  };
}

export function roomFacts(room: Room): RoomFacts {
  return {
    connected: room.state === ConnectionState.Connected,
    local: participantFacts(room.localParticipant),
    remotes: [...room.remoteParticipants.values()].map(participantFacts),
    canPlaybackAudio: room.canPlaybackAudio,
    quality: room.localParticipant.connectionQuality,
  };
}
