// @show/recorder/local: the recorder on @livekit/rtc-node and ffmpeg (loads the native module).
export { createS3Storage, type S3StorageOptions } from './s3-storage';
export type { S3Upload } from './egress/egress-recorder';
export {
  type RecordingStorage,
  type RecordingToUpload,
  type UploadProgress,
} from './recording-storage';
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
