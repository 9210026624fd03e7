// One recording by the local recorder: a hidden participant (kind `egress`, so it never keeps the
// room open) in the show's room, subscribed to the host's tracks, feeding the timeline, the
// timeline feeding ffmpeg. It stays through the host's reconnects and its own: while nobody
// publishes, the last picture and silence keep the file going.
import {
  AudioStream,
  DisconnectReason,
  Room,
  RoomEvent,
  TrackKind,
  TrackSource,
  VideoBufferType,
  VideoStream,
  type RemoteTrack,
  type RemoteTrackPublication,
} from '@livekit/rtc-node';
import type { TokenMinter } from '@show/token';
import { OUTPUT, recordingSize } from './ffmpeg-args';
import { startMuxer, type Muxer } from './ffmpeg-muxer';
import { writeManifest } from './manifest';
import { i420ToPgmyuv } from './pgmyuv';
import { RecorderError, type RecordingInfo, type StartRecordingOptions } from './recording';
import type { RecordingStorage } from './recording-storage';
import { Timeline } from './timeline';
import { chooseTracks, type PublishedTrack, type TrackSourceName } from './track-choice';

export interface SessionSettings {
  url: string;
  minter: TokenMinter;
  ffmpegPath: string | undefined;
  fps: number;
  sampleRate: number;
  segmentSeconds: number;
  longEdge: number;
  identity: string;
  /** How long to wait before joining the room again after losing it (ms). */
  rejoinDelayMs: number;
  /** Where finished recordings are copied, if anywhere. */
  storage: RecordingStorage | undefined;
}

const now = () => performance.timeOrigin + performance.now();

const SOURCE_NAMES: Partial<Record<TrackSource, TrackSourceName>> = {
  [TrackSource.SOURCE_CAMERA]: 'camera',
  [TrackSource.SOURCE_MICROPHONE]: 'microphone',
  [TrackSource.SOURCE_SCREENSHARE]: 'screen_share',
  [TrackSource.SOURCE_SCREENSHARE_AUDIO]: 'screen_share_audio',
};

const ROOM_OVER = new Set([
  DisconnectReason.ROOM_CLOSED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.PARTICIPANT_REMOVED,
  DisconnectReason.CLIENT_INITIATED,
]);

interface Reading {
  sid: string;
  cancel(): void;
}

export class RecordingSession {
  readonly info: RecordingInfo;
  private readonly timeline: Timeline<Uint8Array>;
  private room: Room | undefined;
  private muxer: Muxer | undefined;
  private muxerStarting: Promise<void> | undefined;
  private pendingAudio: Int16Array[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;
  private video: Reading | undefined;
  private audio: Reading | undefined;
  private stopping: Promise<RecordingInfo> | undefined;
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settings: SessionSettings,
    private readonly folder: string,
    recordingId: string,
    room: string,
    private readonly options: StartRecordingOptions,
    private readonly onChange: (info: RecordingInfo) => void,
  ) {
    this.info = {
      recordingId,
      room,
      status: 'starting',
      durationSeconds: 0,
      files: [
        { kind: 'mp4', location: `${folder}/${OUTPUT.mp4}` },
        { kind: 'hls', location: `${folder}/${OUTPUT.hlsPlaylist}` },
      ],
    };
    this.timeline = new Timeline({ fps: settings.fps, sampleRate: settings.sampleRate });
  }

  /** Joins the room; resolves once joined (the recording is `starting` until a first frame). */
  async start(): Promise<void> {
    await this.save();
    await this.join();
    this.ticker = setInterval(() => this.tick(), Math.max(5, 500 / this.settings.fps));
  }

  /** Finishes the files; the same promise for every caller. */
  stop(): Promise<RecordingInfo> {
    this.stopping ??= this.finish();
    return this.stopping;
  }

  private async join(): Promise<void> {
    const room = new Room();
    const token = await this.settings.minter.mint({
      identity: `${this.settings.identity}-${this.info.recordingId}`,
      room: this.info.room,
      role: 'viewer',
      kind: 'egress',
      ttlSeconds: 6 * 3600,
      grants: { hidden: true, recorder: true, canPublishData: false },
    });
    const follow = () => this.follow(room);
    room
      .on(RoomEvent.TrackPublished, follow)
      .on(RoomEvent.TrackUnpublished, follow)
      .on(RoomEvent.ParticipantConnected, follow)
      .on(RoomEvent.ParticipantDisconnected, follow)
      .on(RoomEvent.TrackSubscribed, (track, publication) => this.read(track, publication))
      .on(RoomEvent.TrackUnsubscribed, (_track, publication) => this.unread(publication.sid))
      .on(RoomEvent.Disconnected, (reason) => this.lost(room, reason));
    try {
      await room.connect(this.settings.url, token, { autoSubscribe: false, dynacast: false });
    } catch (error) {
      await room.disconnect().catch(() => {});
      throw new RecorderError(
        'connection_failed',
        `The recorder could not join ${this.info.room}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    this.room = room;
    follow();
  }

  /**
   * The room is over (closed, deleted, we were removed): the recording is complete, as Egress's
   * would be. Otherwise LiveKit dropped us (a node died, the network): join again until stopped.
   */
  private lost(room: Room, reason: DisconnectReason) {
    if (this.room !== room || this.stopping) return;
    if (ROOM_OVER.has(reason)) {
      void this.stop();
      return;
    }
    this.room = undefined;
    this.unread(this.video?.sid);
    this.unread(this.audio?.sid);
    const retry = () => {
      this.rejoinTimer = undefined;
      if (this.stopping) return;
      this.join().catch(() => {
        this.rejoinTimer = setTimeout(retry, this.settings.rejoinDelayMs);
      });
    };
    this.rejoinTimer = setTimeout(retry, this.settings.rejoinDelayMs);
  }

  /** Subscribes to the tracks the choice names, and to nothing else. */
  private follow(room: Room) {
    if (this.room !== room) return;
    const publications = new Map<string, RemoteTrackPublication>();
    const published: PublishedTrack[] = [];
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        if (!publication.sid) continue;
        publications.set(publication.sid, publication);
        published.push({
          participant: participant.identity,
          sid: publication.sid,
          kind: publication.kind === TrackKind.KIND_VIDEO ? 'video' : 'audio',
          source: SOURCE_NAMES[publication.source ?? TrackSource.SOURCE_UNKNOWN] ?? 'unknown',
        });
      }
    }
    const choice = chooseTracks(published, this.options.participant);
    for (const [sid, publication] of publications) {
      const wanted = sid === choice.video || sid === choice.audio;
      if (wanted !== publication.subscribed) publication.setSubscribed(wanted);
    }
  }

  private read(track: RemoteTrack, publication: RemoteTrackPublication) {
    const sid = publication.sid;
    if (!sid || this.stopping) return;
    if (track.kind === TrackKind.KIND_VIDEO) {
      this.unread(this.video?.sid);
      const reader = new VideoStream(track).getReader();
      this.video = { sid, cancel: () => void reader.cancel().catch(() => {}) };
      void this.pump(reader, ({ frame, timestampUs }) => {
        const i420 =
          frame.type === VideoBufferType.I420 ? frame : frame.convert(VideoBufferType.I420);
        const image = i420ToPgmyuv(i420.data, i420.width, i420.height);
        this.timeline.pushVideo(image, sid, Number(timestampUs), now());
        // The first frames are often a low simulcast layer: the size comes from the publication.
        this.muxerStarting ??= this.openMuxer(
          publication.width || i420.width,
          publication.height || i420.height,
        );
      });
    } else {
      this.unread(this.audio?.sid);
      const reader = new AudioStream(track, {
        sampleRate: this.settings.sampleRate,
        numChannels: 1,
      }).getReader();
      this.audio = { sid, cancel: () => void reader.cancel().catch(() => {}) };
      void this.pump(reader, (frame) => {
        for (const part of this.timeline.pushAudio(frame.data, now())) this.writeAudio(part);
      });
    }
  }

  private async pump<T>(reader: ReadableStreamDefaultReader<T>, onValue: (value: T) => void) {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        onValue(value);
      }
    } catch {
      // The track went away mid-read: the timeline covers the gap.
    }
  }

  private unread(sid: string | undefined) {
    if (sid === undefined) return;
    if (this.video?.sid === sid) {
      this.video.cancel();
      this.video = undefined;
    }
    if (this.audio?.sid === sid) {
      this.audio.cancel();
      this.audio = undefined;
    }
  }

  private async openMuxer(width: number, height: number) {
    const size = recordingSize(width, height, this.settings.longEdge);
    try {
      const muxer = await startMuxer(
        this.folder,
        {
          ...size,
          fps: this.settings.fps,
          sampleRate: this.settings.sampleRate,
          segmentSeconds: this.settings.segmentSeconds,
        },
        this.settings.ffmpegPath,
      );
      this.muxer = muxer;
      for (const part of this.pendingAudio.splice(0)) muxer.writeAudio(part);
      muxer.exited.catch((error: unknown) => void this.fail(error));
      Object.assign(this.info, { status: 'active', startedAt: Math.round(now()), video: size });
      await this.save();
    } catch (error) {
      await this.fail(error);
    }
  }

  private writeAudio(part: Int16Array) {
    if (this.muxer) this.muxer.writeAudio(part);
    else this.pendingAudio.push(part);
  }

  private tick() {
    const muxer = this.muxer;
    if (!muxer) return;
    const at = now();
    for (const image of this.timeline.videoDue(at)) muxer.writeVideo(image);
    const silence = this.timeline.silenceDue(at);
    if (silence) muxer.writeAudio(silence);
    this.info.durationSeconds = this.timeline.durationSeconds;
    const { framesRepeated, framesSkipped, silenceSamples } = this.timeline.stats;
    this.info.continuity = {
      framesRepeated,
      framesSkipped,
      framesDropped: muxer.droppedFrames,
      silenceSeconds: Math.round((silenceSamples / this.settings.sampleRate) * 100) / 100,
    };
  }

  private async fail(error: unknown) {
    if (this.info.status === 'failed' || this.info.status === 'complete') return;
    Object.assign(this.info, {
      status: 'failed',
      endedAt: Math.round(now()),
      error: error instanceof Error ? error.message : String(error),
    });
    this.stopping ??= Promise.resolve(this.info);
    this.shutdown();
    await this.save();
  }

  private shutdown() {
    clearInterval(this.ticker);
    clearTimeout(this.rejoinTimer);
    this.unread(this.video?.sid);
    this.unread(this.audio?.sid);
    const room = this.room;
    this.room = undefined;
    void room?.disconnect().catch(() => {});
  }

  private async finish(): Promise<RecordingInfo> {
    if (this.info.status === 'failed') return this.info;
    this.info.status = 'ending';
    await this.save();
    // Up to this moment, then no more.
    this.tick();
    this.shutdown();
    await this.muxerStarting;
    const muxer = this.muxer;
    if (!muxer) {
      await this.fail(new RecorderError('not_found', 'Nobody published video while recording.'));
      return this.info;
    }
    try {
      await muxer.finish();
    } catch (error) {
      await this.fail(error);
      return this.info;
    }
    Object.assign(this.info, {
      endedAt: Math.round(now()),
      durationSeconds: this.timeline.durationSeconds,
    });
    if (this.settings.storage) await this.upload(this.settings.storage);
    this.info.status = 'complete';
    await this.save();
    return this.info;
  }

  /** Copies the finished files to durable storage, saying how far it is about once a second. */
  private async upload(storage: RecordingStorage) {
    const progress = { status: 'uploading' as const, uploadedBytes: 0, totalBytes: 0 };
    this.info.upload = progress;
    await this.save();
    let toldAt = now();
    try {
      const files = await storage.upload(
        { room: this.info.room, recordingId: this.info.recordingId, folder: this.folder },
        ({ uploadedBytes, totalBytes }) => {
          Object.assign(progress, { uploadedBytes, totalBytes });
          if (now() - toldAt < 1000) return;
          toldAt = now();
          this.onChange(this.info);
        },
      );
      this.info.files = files;
      this.info.upload = { ...progress, status: 'done', uploadedBytes: progress.totalBytes };
    } catch (error) {
      // The recording is whole in the local folder; only the copy is missing.
      this.info.upload = {
        ...progress,
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private async save() {
    this.onChange(this.info);
    await writeManifest(this.folder, this.info);
  }
}
