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
