// The host's side: camera and microphone preview, going live with sensible publish settings,
// ending the show, and media failures a person can act on.
import {
  createLocalTracks,
  Track,
  VideoPresets,
  type LocalTrack,
  type Room,
  type TrackPublishOptions,
} from 'livekit-client';
import { dispatchPhase } from '../store/phase';
import { STATUS_ATTRIBUTE } from '../store/protocol';
import type { ShowStore } from '../store/show-store';

/** Why there is no preview, in terms a host can act on. */
export type MediaProblem =
  'permission-denied' | 'no-device' | 'device-busy' | 'device-lost' | 'unknown';

export function mediaProblemOf(error: unknown): MediaProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'no-device';
    case 'NotReadableError':
    case 'AbortError':
      return 'device-busy';
    default:
      return 'unknown';
  }
}

export interface PreviewRequest {
  camera: boolean;
  microphone: boolean;
  cameraDeviceId?: string | undefined;
  microphoneDeviceId?: string | undefined;
}

/** Creates local tracks for the preview: 720p camera, echo-cancelled microphone. */
export function createPreviewTracks(request: PreviewRequest): Promise<LocalTrack[]> {
  return createLocalTracks({
    video: request.camera && {
      resolution: VideoPresets.h720.resolution,
      ...(request.cameraDeviceId ? { deviceId: { exact: request.cameraDeviceId } } : {}),
    },
    audio: request.microphone && {
      echoCancellation: true,
      noiseSuppression: true,
      ...(request.microphoneDeviceId ? { deviceId: { exact: request.microphoneDeviceId } } : {}),
    },
  });
}

/** Three layers, so a viewer on a phone gets 180p or 360p while a desktop viewer gets 720p. */
export const cameraPublishOptions: TrackPublishOptions = {
  source: Track.Source.Camera,
  simulcast: true,
  videoEncoding: VideoPresets.h720.encoding,
  videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
  degradationPreference: 'balanced',
};

export const microphonePublishOptions: TrackPublishOptions = {
  source: Track.Source.Microphone,
  dtx: true,
  red: true,
};

/**
 * Goes live with the previewed tracks: publishes them, then sets the `show.status` attribute,
 * so viewers never see "live" before there is a picture to subscribe to.
 */
export async function goLive(room: Room, tracks: readonly LocalTrack[], store: ShowStore) {
  for (const track of tracks) {
    if (room.localParticipant.getTrackPublication(track.source)?.track === track) continue;
    const options =
      track.kind === Track.Kind.Video ? cameraPublishOptions : microphonePublishOptions;
    await room.localParticipant.publishTrack(track, options);
  }
  await announceStatus(room, 'live');
  // Going live again after a lost connection keeps the show's clock.
  store.setState({ liveSince: store.getState().liveSince ?? Date.now() });
}

/** Ends the show for everyone: status `ended` first, then unpublish and leave. */
export async function endShow(room: Room, store: ShowStore) {
  await announceStatus(room, 'ended').catch(() => {
    // Disconnected already: viewers see the host leave instead.
  });
  for (const publication of room.localParticipant.trackPublications.values()) {
    if (publication.track) await room.localParticipant.unpublishTrack(publication.track, false);
  }
  store.setState({ liveSince: undefined });
  dispatchPhase(store, { type: 'ended' });
  await room.disconnect();
}

/** Host only: the show's status for every viewer (they read it from the host's attributes). */
export async function announceStatus(room: Room, status: 'preview' | 'live' | 'ended') {
  await room.localParticipant.setAttributes({ [STATUS_ATTRIBUTE]: status });
}
