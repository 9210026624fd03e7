import {
  Track,
  TrackEvent,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
} from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createPreviewTracks,
  mediaProblemOf,
  type MediaProblem,
  type PreviewRequest,
} from '../room/broadcast';

export type PreviewStatus = 'starting' | 'ready' | MediaProblem;

export interface LocalPreviewOptions {
  /** Replaces how tracks are made (stories and tests simulate failures with it). */
  createTracks?: ((request: PreviewRequest) => Promise<LocalTrack[]>) | undefined;
  /** Called whenever the tracks change: the broadcaster publishes these when the host goes live. */
  onTracks?: (tracks: readonly LocalTrack[]) => void;
}

export interface LocalPreview {
  status: PreviewStatus;
  camera: LocalVideoTrack | undefined;
  microphone: LocalAudioTrack | undefined;
  cameraOn: boolean;
  microphoneOn: boolean;
  toggleCamera(): Promise<void>;
  toggleMicrophone(): Promise<void>;
  selectCamera(deviceId: string): Promise<void>;
  selectMicrophone(deviceId: string): Promise<void>;
  /** After a failure: ask for the devices again. */
  restart(): void;
}

/**
 * The host's camera and microphone before and during the show. Failures become a status a host
 * can act on (`permission-denied`, `no-device`, `device-busy`); a device unplugged mid-show
 * becomes `device-lost`. Tracks are stopped on unmount.
 */
export function useLocalPreview({
  createTracks = createPreviewTracks,
  onTracks,
}: LocalPreviewOptions = {}): LocalPreview {
  const [status, setStatus] = useState<PreviewStatus>('starting');
  const [tracks, setTracks] = useState<LocalTrack[]>([]);
  const [cameraOn, setCameraOn] = useState(true);
  const [microphoneOn, setMicrophoneOn] = useState(true);
  const [run, setRun] = useState(0);
  // Callbacks are read through refs: a new function on every render must not restart the camera.
  const onTracksRef = useRef(onTracks);
  const createTracksRef = useRef(createTracks);
  useEffect(() => {
    onTracksRef.current = onTracks;
    createTracksRef.current = createTracks;
  });

  useEffect(() => {
    let cancelled = false;
    let made: LocalTrack[] = [];
    const lost = () => setStatus('device-lost');
    createTracksRef.current({ camera: true, microphone: true }).then(
      (created) => {
        made = created;
        if (cancelled) {
          for (const track of created) track.stop();
          return;
        }
        for (const track of created) track.on(TrackEvent.Ended, lost);
        setTracks(created);
        setStatus('ready');
        onTracksRef.current?.(created);
      },
      (error: unknown) => {
        if (!cancelled) setStatus(mediaProblemOf(error));
      },
    );
    return () => {
      cancelled = true;
      for (const track of made) {
        track.off(TrackEvent.Ended, lost);
        track.stop();
      }
      onTracksRef.current?.([]);
    };
  }, [run]);

  const camera = tracks.find((t) => t.kind === Track.Kind.Video) as LocalVideoTrack | undefined;
  const microphone = tracks.find((t) => t.kind === Track.Kind.Audio) as LocalAudioTrack | undefined;

  const toggleCamera = useCallback(async () => {
    if (!camera) return;
    if (camera.isMuted) await camera.unmute();
    else await camera.mute();
    setCameraOn(!camera.isMuted);
  }, [camera]);
  const toggleMicrophone = useCallback(async () => {
    if (!microphone) return;
    if (microphone.isMuted) await microphone.unmute();
    else await microphone.mute();
    setMicrophoneOn(!microphone.isMuted);
  }, [microphone]);
  const selectCamera = useCallback(
    async (deviceId: string) => void (await camera?.setDeviceId({ exact: deviceId })),
    [camera],
  );
  const selectMicrophone = useCallback(
    async (deviceId: string) => void (await microphone?.setDeviceId({ exact: deviceId })),
    [microphone],
  );
  const restart = useCallback(() => {
    setStatus('starting');
    setRun((n) => n + 1);
  }, []);

  return {
    status,
    camera,
    microphone,
    cameraOn,
    microphoneOn,
    toggleCamera,
    toggleMicrophone,
    selectCamera,
    selectMicrophone,
    restart,
  };
}
