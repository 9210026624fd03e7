// The recorder that runs beside your app: @livekit/rtc-node joins the show's room as a hidden
// participant and ffmpeg writes MP4 and live HLS into a local folder. For one machine, a
// development setup and tests; in production, LiveKit Egress (`createEgressRecorder`) does the
// same job on its own machines.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { TokenMinter } from '@show/token';
import { readManifests, recordingFolder } from './manifest';
import {
  RecorderError,
  type RecordingInfo,
  type ShowRecorder,
  type StartRecordingOptions,
} from './recording';
import { RecordingSession } from './local-session';
import type { RecordingStorage } from './recording-storage';

export interface LocalRecorderOptions {
  /** LiveKit's address (`wss://…`, or `ws://localhost:7880` in development; http(s) works too). */
  url: string;
  /** Mints the recorder's token (hidden, subscribe only, kind `egress`). */
  minter: TokenMinter;
  /** Where recordings go: `<directory>/<room>/<recordingId>/{recording.mp4,hls/,recording.json}`. */
  directory: string;
  /** Default `ffmpeg` on the PATH. */
  ffmpegPath?: string;
  /** Frames per second of the recording (default 30). */
  fps?: number;
  /** HLS segment length in seconds (default 2). */
  segmentSeconds?: number;
  /** The recording's longer side in pixels at most (default 1280: 720p either way up). */
  longEdge?: number;
  /** The recorder's identity prefix in the room (default `recorder`). */
  identity?: string;
  /**
   * Durable storage each finished recording is copied to (`createS3Storage`), the local folder
   * keeping its own copy; while the copy runs the recording is `ending` and `upload` says how far.
   */
  storage?: RecordingStorage;
  /** Each time a recording changes status, and about once a second while it is uploaded. */
  onChange?: (info: RecordingInfo) => void;
}

export interface LocalRecorder extends ShowRecorder {
  /** Stops every recording (finishing their files). */
  close(): Promise<void>;
}

const newId = () => `REC_${randomBytes(9).toString('base64url')}`;

export function createLocalRecorder(options: LocalRecorderOptions): LocalRecorder {
  const fps = options.fps ?? 30;
  if (!(Number.isInteger(fps) && fps >= 1 && fps <= 60)) {
    throw new RecorderError('invalid_request', 'fps must be a whole number from 1 to 60.');
  }
  const directory = resolve(options.directory);
  const settings = {
    url: options.url.replace(/^http(s?):\/\//, 'ws$1://'),
    minter: options.minter,
    ffmpegPath: options.ffmpegPath,
    fps,
    sampleRate: 48_000,
    segmentSeconds: options.segmentSeconds ?? 2,
    longEdge: options.longEdge ?? 1280,
    identity: options.identity ?? 'recorder',
    rejoinDelayMs: 2000,
    storage: options.storage,
  };
  const sessions = new Map<string, RecordingSession>();
  const activeByRoom = new Map<string, RecordingSession>();
  const changed = (info: RecordingInfo) => {
    if (info.status === 'complete' || info.status === 'failed') {
      // Finished recordings live on in their manifests; the session (and its last frame) goes.
      sessions.delete(info.recordingId);
    }
    if (info.status !== 'starting' && info.status !== 'active') {
      if (activeByRoom.get(info.room)?.info === info) activeByRoom.delete(info.room);
    }
    options.onChange?.({ ...info, files: info.files.map((file) => ({ ...file })) });
  };
  const copy = (info: RecordingInfo): RecordingInfo => structuredClone(info);

  return {
    async start(room, startOptions: StartRecordingOptions = {}) {
      if (typeof room !== 'string' || room.length === 0 || room.length > 256) {
        throw new RecorderError('invalid_request', 'room must be a room name.');
      }
      const running = activeByRoom.get(room);
      if (running) return copy(running.info);
      const recordingId = newId();
      const session = new RecordingSession(
        settings,
        recordingFolder(directory, room, recordingId),
        recordingId,
        room,
        startOptions,
        changed,
      );
      sessions.set(recordingId, session);
      activeByRoom.set(room, session);
      try {
        await session.start();
      } catch (error) {
        activeByRoom.delete(room);
        sessions.delete(recordingId);
        await session.stop().catch(() => {});
        throw error;
      }
      return copy(session.info);
    },
    async stop(recordingId) {
      const session = sessions.get(recordingId);
      if (session) return copy(await session.stop());
      // Stopping a recording that already ended answers what it was, as Egress does.
      const ended = (await readManifests(directory)).find(
        (info) => info.recordingId === recordingId,
      );
      if (ended && ended.status !== 'starting' && ended.status !== 'active') return ended;
      throw new RecorderError('not_found', `No recording ${recordingId} is running here.`);
    },
    async list(filter = {}) {
      const live = new Map([...sessions.values()].map((s) => [s.info.recordingId, s.info]));
      const stored = await readManifests(directory, filter.room);
      const all = [...live.values(), ...stored.filter((info) => !live.has(info.recordingId))];
      return all
        .filter((info) => filter.room === undefined || info.room === filter.room)
        .filter(
          (info) =>
            filter.active === undefined ||
            filter.active === (info.status === 'starting' || info.status === 'active'),
        )
        .sort((a, b) => (b.startedAt ?? Infinity) - (a.startedAt ?? Infinity))
        .map(copy);
    },
    async close() {
      await Promise.all([...sessions.values()].map((session) => session.stop()));
    },
  };
}
