// The production recorder: LiveKit Egress (LiveKit Cloud, or a self-hosted egress service beside
// your LiveKit nodes) records the room and uploads an MP4 and an HLS playlist. Egress's own API,
// called over Twirp with a short-lived `roomRecord` token; no extra SDK.
import type { TokenMinter } from '@show/token';
import { RecorderError, type RecordingInfo, type ShowRecorder } from '../recording';
import { recordingFromEgress } from './egress-info';

/** S3 or any S3-compatible storage (MinIO, R2, GCS's interoperability mode). */
export interface S3Upload {
  bucket: string;
  region?: string;
  /** For S3-compatible storage: its address. */
  endpoint?: string;
  accessKey: string;
  secret: string;
  forcePathStyle?: boolean;
}

export interface EgressRecorderOptions {
  /** LiveKit's address (`https://…`, or the `wss://…` clients use). */
  url: string;
  /** Mints the short-lived `roomRecord` tokens Egress's API requires. */
  minter: TokenMinter;
  /**
   * Where the files go: S3 (or compatible) storage, or, without it, the egress machine's disk.
   * Paths may use Egress's templates; the default is `{room_name}/{time}/`.
   */
  output?: { s3?: S3Upload; folder?: string };
  /** HLS segment length in seconds (default 2). */
  segmentSeconds?: number;
  /** Egress's composite layout (default `speaker`: the screen share, when there is one, large). */
  layout?: string;
  /** Default 10 s per call. */
  timeoutMs?: number;
  /** For tests and unusual runtimes. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

type Json = Record<string, unknown>;

export function createEgressRecorder(options: EgressRecorderOptions): ShowRecorder {
  const base = options.url.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(base)) {
    throw new RecorderError('invalid_request', 'url must be LiveKit: https://… or wss://…');
  }
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const folder = (options.output?.folder ?? '{room_name}/{time}').replace(/\/+$/, '');
  const s3 = options.output?.s3;
  const storage = s3
    ? {
        s3: {
          bucket: s3.bucket,
          access_key: s3.accessKey,
          secret: s3.secret,
          ...(s3.region && { region: s3.region }),
          ...(s3.endpoint && { endpoint: s3.endpoint }),
          ...(s3.forcePathStyle && { force_path_style: true }),
        },
      }
    : {};

  async function call(method: string, room: string | undefined, body: Json): Promise<Json> {
    const token = await options.minter.mintServerToken({ roomRecord: true, ...(room && { room }) });
    let response: Response;
    try {
      response = await send(`${base}/twirp/livekit.Egress/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new RecorderError('egress_failed', 'LiveKit did not answer the Egress call.', {
        cause: error,
      });
    }
    const answer = (await response.json().catch(() => ({}))) as Json;
    if (response.ok) return answer;
    // Twirp's error: { code, msg }. LiveKit's message says what is missing ("egress not
    // connected", "no response from servers"); it never contains our token.
    const code = typeof answer.code === 'string' ? answer.code.slice(0, 40) : undefined;
    const msg = typeof answer.msg === 'string' ? answer.msg.slice(0, 200) : undefined;
    throw new RecorderError(
      code === 'not_found' ? 'not_found' : 'egress_failed',
      `LiveKit Egress answered ${response.status}${code ? ` (${code})` : ''}${msg ? `: ${msg}` : ''}.`,
    );
  }

  const listed = async (room?: string, active?: boolean) => {
    const answer = await call('ListEgress', room, {
      ...(room && { room_name: room }),
      ...(active && { active: true }),
    });
    const items = Array.isArray(answer.items) ? (answer.items as Json[]) : [];
    return items.map(recordingFromEgress);
  };

  return {
    async start(room) {
      if (typeof room !== 'string' || room.length === 0) {
        throw new RecorderError('invalid_request', 'room must be a room name.');
      }
      const [running] = await listed(room, true);
      if (running) return running;
      const info = await call('StartRoomCompositeEgress', room, {
        room_name: room,
        layout: options.layout ?? 'speaker',
        file_outputs: [{ filepath: `${folder}/recording.mp4`, ...storage }],
        segment_outputs: [
          {
            filename_prefix: `${folder}/hls/segment`,
            playlist_name: 'index.m3u8',
            segment_duration: options.segmentSeconds ?? 2,
            ...storage,
          },
        ],
      });
      return recordingFromEgress(info);
    },
    async stop(recordingId) {
      return recordingFromEgress(await call('StopEgress', undefined, { egress_id: recordingId }));
    },
    async list(filter = {}): Promise<RecordingInfo[]> {
      const all = await listed(filter.room, filter.active);
      return all.sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
    },
  };
}
