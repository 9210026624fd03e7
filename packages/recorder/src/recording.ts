// The recorder's contract, shaped like LiveKit's EgressClient (start, stop, list), so the same
// code drives the recorder that runs here (rtc-node and ffmpeg) and LiveKit Egress in production.

/** Where a recording is in its life; the same stages as LiveKit's `EgressStatus`. */
export type RecordingStatus = 'starting' | 'active' | 'ending' | 'complete' | 'failed';

/** One output of a recording. */
export interface RecordingFile {
  /** `mp4`: the whole show in one file; `hls`: the playlist of the live and replay segments. */
  kind: 'mp4' | 'hls';
  /** A path (local recorder) or the URL or key the storage gave (Egress, S3). */
  location: string;
}

export interface RecordingInfo {
  recordingId: string;
  room: string;
  status: RecordingStatus;
  /** Milliseconds since the epoch: when the first frame was written (undefined before that). */
  startedAt?: number;
  /** When the recording was finished or failed. */
  endedAt?: number;
  /** The recording's length in seconds so far. */
  durationSeconds: number;
  /** Width and height of the video, once known (portrait shows are taller than wide). */
  video?: { width: number; height: number };
  files: RecordingFile[];
  /**
   * How the recording went (the local recorder): frames shown again because nothing newer came
   * (the host away, a stalled stream), frames never shown (more came than the recording's rate),
   * frames dropped because the encoder fell behind, and seconds of silence put in for missing audio.
   */
  continuity?: {
    framesRepeated: number;
    framesSkipped: number;
    framesDropped: number;
    silenceSeconds: number;
  };
  /** Why it failed, in words for an operator (never a secret). */
  error?: string;
  /**
   * The copy to durable storage (the local recorder with `storage`): while `uploading`, the
   * recording is `ending`; once `done`, `files` say where the copies are. A `failed` upload leaves
   * a complete recording in the local folder, and says why here.
   */
  upload?: {
    status: 'uploading' | 'done' | 'failed';
    uploadedBytes: number;
    totalBytes: number;
    error?: string;
  };
}

export interface StartRecordingOptions {
  /**
   * Whose tracks to record; default: the first participant who publishes video. The show's host
   * is `host` in `@show/server`.
   */
  participant?: string;
}

/** Records shows. Calls are idempotent per room: starting a room that is recording returns it. */
export interface ShowRecorder {
  start(room: string, options?: StartRecordingOptions): Promise<RecordingInfo>;
  /** Stops and finishes the recording; resolves when its files are complete. */
  stop(recordingId: string): Promise<RecordingInfo>;
  /** Recordings this recorder knows about, newest first; of one room when given. */
  list(filter?: { room?: string; active?: boolean }): Promise<RecordingInfo[]>;
}

/** Why a recorder refused or failed: a code for programs, a sentence for people. */
export class RecorderError extends Error {
  readonly code: RecorderErrorCode;
  constructor(code: RecorderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecorderError';
    this.code = code;
  }
}

export type RecorderErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'ffmpeg_missing'
  | 'ffmpeg_failed'
  | 'connection_failed'
  | 'egress_failed'
  | 'upload_failed';

/** By name, not `instanceof`: each entry point (`.`, `/local`) may carry its own copy of the class. */
export const isRecorderError = (error: unknown): error is RecorderError =>
  error instanceof Error && error.name === 'RecorderError' && 'code' in error;
