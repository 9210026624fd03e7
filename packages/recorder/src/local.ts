// @show/recorder/local: the recorder on @livekit/rtc-node and ffmpeg (loads the native module).
export {
  createLocalRecorder,
  type LocalRecorder,
  type LocalRecorderOptions,
} from './local-recorder';
export {
  RecorderError,
  isRecorderError,
  type RecorderErrorCode,
  type RecordingFile,
  type RecordingInfo,
  type RecordingStatus,
  type ShowRecorder,
  type StartRecordingOptions,
} from './recording';
