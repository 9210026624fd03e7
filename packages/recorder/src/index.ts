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
export {
  followShows,
  type FollowShowOptions,
  type ShowFollower,
  type ShowStatusEvent,
} from './follow-show';
export {
  createEgressRecorder,
  type EgressRecorderOptions,
  type S3Upload,
} from './egress/egress-recorder';
export {
  createRecordingFiles,
  listRecordings,
  type RecordingFilePath,
  type RecordingFilesHandler,
  type RecordingFilesOptions,
} from './recording-files';
