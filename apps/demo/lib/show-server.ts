import 'server-only';
import { combineObservers, createShowServer, openShowStorage, type ShowServer } from '@show/server';
import {
  createRecordingFiles,
  followShows,
  listRecordings,
  type RecordingFilesHandler,
  type RecordingInfo,
} from '@show/recorder';
import { createPrometheusObserver, type PrometheusObserver } from '@show/server/prometheus';
import { createRoomService, createWebhookReceiver } from '@show/token';
import { SHOW_ROOM } from './catalog';
import type { DemoConfig } from './config';
import { log } from './log';
import { demoMinter } from './minter';
import { sessionsFor } from './sessions';

export interface DemoServer {
  show: ShowServer;
  /** Prometheus metrics of this process, served at `/api/metrics` with SHOW_METRICS_TOKEN. */
  metrics: PrometheusObserver;
  /** The shows recorded into SHOW_RECORDINGS_DIR (undefined when recording is off). */
  recordings: Recordings | undefined;
}

export interface Recordings {
  /** `GET /api/recordings/:room/:id/<file>`: the MP4 (with ranges) and the HLS files. */
  files: RecordingFilesHandler;
  /** A room's recordings, newest first. */
  list(room: string): Promise<RecordingInfo[]>;
}

const KEY = Symbol.for('show.demo.server');
type Holder = { [KEY]?: { key: string; server: Promise<DemoServer> } };

async function open(config: DemoConfig): Promise<DemoServer> {
  const minter = demoMinter(config);
  const [sessions, storage] = await Promise.all([
    sessionsFor(config),
    openShowStorage({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }),
  ]);
  const metrics = createPrometheusObserver({ bearerToken: config.metricsToken });
  const recording = config.recordingsDir ? await recordShows(config, minter) : {};
  const recordings = config.recordingsDir ? recordingsIn(config.recordingsDir) : undefined;
  const show = createShowServer({
    minter,
    roomService: createRoomService({ url: config.serverUrl, minter }),
    maxParticipants: config.maxParticipants,
    maxViewers: config.maxViewers,
    trustedProxyHops: config.trustedProxyHops,
    staffPages: {
      signIn: { host: '/studio', moderator: '/moderate' },
      home: { host: '/studio', moderator: `/show/${SHOW_ROOM}` },
      signedOut: '/',
    },
    webhooks: createWebhookReceiver({ apiKey: config.apiKey, apiSecret: config.apiSecret }),
    sessions,
    ...storage,
    isShow: (room) => room === SHOW_ROOM,
    production: process.env.NODE_ENV === 'production',
    observe: combineObservers(metrics.observe, recording),
    onError: (error) => log().error({ err: error }, 'show server error'),
  });
  return { show, metrics, recordings };
}

function recordingsIn(directory: string): Recordings {
  return {
    files: createRecordingFiles({ directory }),
    list: (room) => listRecordings(directory, room),
  };
}

/**
 * Every show recorded into SHOW_RECORDINGS_DIR while it is live, by a recorder in this process (the
 * instance that receives the webhook saying the show went live). Loaded only when asked for: it
 * brings a native module (@livekit/rtc-node) and runs ffmpeg.
 */
async function recordShows(config: DemoConfig, minter: ReturnType<typeof demoMinter>) {
  const { createLocalRecorder, createS3Storage } = await import('@show/recorder/local');
  const s3 = config.recordingsS3;
  const recorder = createLocalRecorder({
    url: config.serverUrl,
    minter,
    directory: config.recordingsDir!,
    // Each finished recording is copied to the bucket too; the folder keeps serving the replay.
    ...(s3 && { storage: createS3Storage(s3) }),
    // A recording that fails mid-show (ffmpeg died, the disk is full) says so in the log.
    onChange: (info) => {
      if (info.status === 'failed') {
        log().error(
          { room: info.room, recording: info.recordingId, reason: info.error },
          'recording failed',
        );
      }
      if (info.status === 'complete' && info.upload) {
        const { status, totalBytes, error } = info.upload;
        const fields = { room: info.room, recording: info.recordingId, bytes: totalBytes };
        if (status === 'failed') log().error({ ...fields, reason: error }, 'recording not copied');
        else log().info({ ...fields, files: info.files }, 'recording copied to storage');
      }
    },
  });
  const follower = followShows(recorder, {
    participant: 'host',
    onRecording: (info) =>
      log().info(
        { room: info.room, recording: info.recordingId, status: info.status },
        'recording',
      ),
    onError: (error, room) => log().error({ err: error, room }, 'recording failed'),
  });
  return { show: follower.show };
}

/**
 * The process's one show server (every route and module copy shares it), opened on first use and
 * again only when the configuration changes.
 */
export function demoServer(config: DemoConfig): Promise<DemoServer> {
  const key = [
    config.apiKey,
    config.apiSecret,
    config.sessionSecret,
    config.databaseUrl,
    config.redisUrl ?? '',
    config.serverUrl,
    config.hostPasscode ?? '',
    config.moderatorPasscode ?? '',
    String(config.localDev),
    config.trustedProxyHops,
    config.maxParticipants,
    config.maxViewers,
    config.metricsToken ?? '',
    config.recordingsDir ?? '',
  ].join('\u0000');
  const holder = globalThis as Holder;
  if (holder[KEY]?.key !== key) {
    const server = open(config);
    // A failed open (a database that is down) is tried again by the next request.
    server.catch(() => {
      if (holder[KEY]?.server === server) delete holder[KEY];
    });
    holder[KEY] = { key, server };
  }
  return holder[KEY].server;
}
