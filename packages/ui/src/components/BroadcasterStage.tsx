import { useMediaDevices } from '@livekit/components-react';
import { useId, type HTMLAttributes } from 'react';
import type { LocalPreview, PreviewStatus } from '../hooks/useLocalPreview';
import { useShow } from '../hooks/context';
import { ShowVideo } from './ShowVideo';

export interface BroadcasterLabels {
  preview: string;
  starting: string;
  cameraOn: string;
  cameraOff: string;
  microphoneOn: string;
  microphoneOff: string;
  camera: string;
  microphone: string;
  shareScreen: string;
  stopSharing: string;
  tryAgain: string;
  problems: Record<Exclude<PreviewStatus, 'starting' | 'ready'>, string>;
}

export const defaultBroadcasterLabels: BroadcasterLabels = {
  preview: 'Your camera preview',
  starting: 'Starting your camera…',
  cameraOn: 'Turn camera off',
  cameraOff: 'Turn camera on',
  microphoneOn: 'Mute microphone',
  microphoneOff: 'Unmute microphone',
  camera: 'Camera',
  microphone: 'Microphone',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  tryAgain: 'Try again',
  problems: {
    'permission-denied':
      'The browser blocked your camera and microphone. Allow them in the address bar, then try again.',
    'no-device': 'No camera or microphone was found. Connect one, then try again.',
    'device-busy': 'Another app is using your camera. Close it, then try again.',
    'device-lost': 'Your camera or microphone was disconnected. Reconnect it, then try again.',
    unknown: 'Your camera could not start.',
  },
};

export interface BroadcasterStageProps extends HTMLAttributes<HTMLDivElement> {
  preview: LocalPreview;
  /** Screen sharing, when the page is connected. */
  screenShare?: { active: boolean; toggle: () => void } | undefined;
  labels?: Partial<BroadcasterLabels> | undefined;
}

function DevicePicker({
  kind,
  label,
  onSelect,
}: {
  kind: MediaDeviceKind;
  label: string;
  onSelect: (deviceId: string) => void;
}) {
  const devices = useMediaDevices({ kind });
  const id = useId();
  if (devices.length < 2) return null;
  return (
    <span className="show-device-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="show-select" onChange={(event) => onSelect(event.target.value)}>
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || device.deviceId}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The host's preview with camera, microphone, device and screen share controls. */
export function BroadcasterStage({
  preview,
  screenShare,
  labels,
  className,
  ...rest
}: BroadcasterStageProps) {
  const l = { ...defaultBroadcasterLabels, ...labels };
  const phase = useShow((s) => s.phase);
  const problem =
    preview.status !== 'starting' && preview.status !== 'ready' ? preview.status : undefined;
  return (
    <div
      {...rest}
      className={className ? `show-broadcaster ${className}` : 'show-broadcaster'}
      data-show-phase={phase}
      data-show-preview={preview.status}
    >
      <div className="show-broadcaster__stage">
        {preview.camera && preview.cameraOn ? (
          <ShowVideo track={preview.camera} mirror aria-label={l.preview} />
        ) : (
          <div className="show-player__backdrop" aria-hidden="true" />
        )}
        <p className="show-broadcaster__message" role="status" aria-live="polite">
          {problem ? l.problems[problem] : preview.status === 'starting' ? l.starting : ''}
        </p>
      </div>
      <div className="show-broadcaster__controls">
        {problem ? (
          <button type="button" className="show-button" onClick={preview.restart}>
            {l.tryAgain}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="show-button"
              aria-pressed={preview.cameraOn}
              disabled={!preview.camera}
              onClick={() => void preview.toggleCamera()}
            >
              {preview.cameraOn ? l.cameraOn : l.cameraOff}
            </button>
            <button
              type="button"
              className="show-button"
              aria-pressed={preview.microphoneOn}
              disabled={!preview.microphone}
              onClick={() => void preview.toggleMicrophone()}
            >
              {preview.microphoneOn ? l.microphoneOn : l.microphoneOff}
            </button>
            {screenShare && (
              <button
                type="button"
                className="show-button"
                aria-pressed={screenShare.active}
                onClick={screenShare.toggle}
              >
                {screenShare.active ? l.stopSharing : l.shareScreen}
              </button>
            )}
            {preview.status === 'ready' && (
              <>
                <DevicePicker
                  kind="videoinput"
                  label={l.camera}
                  onSelect={(id) => void preview.selectCamera(id)}
                />
                <DevicePicker
                  kind="audioinput"
                  label={l.microphone}
                  onSelect={(id) => void preview.selectMicrophone(id)}
                />
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
