// LiveKit Egress's answers (EgressInfo, as its Twirp API sends it in JSON) as our RecordingInfo.
// Pure. Twirp's JSON names fields in snake_case; camelCase is read too, for proxies that rewrite.
import type { RecordingFile, RecordingInfo, RecordingStatus } from '../recording';

type Json = Record<string, unknown>;

const field = (object: Json, snake: string): unknown => {
  const camel = snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return object[snake] ?? object[camel];
};
const text = (object: Json, name: string) => {
  const value = field(object, name);
  return typeof value === 'string' ? value : undefined;
};
/** int64 nanoseconds arrive as strings (or numbers); milliseconds out, undefined for 0. */
const nanosToMs = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : 0;
  return Number.isFinite(n) && n > 0 ? Math.round(n / 1e6) : undefined;
};
const list = (object: Json, name: string): Json[] => {
  const value = field(object, name);
  return Array.isArray(value)
    ? value.filter((v): v is Json => typeof v === 'object' && v !== null)
    : [];
};

const STATUS: Record<string, RecordingStatus> = {
  EGRESS_STARTING: 'starting',
  EGRESS_ACTIVE: 'active',
  EGRESS_ENDING: 'ending',
  EGRESS_COMPLETE: 'complete',
  EGRESS_FAILED: 'failed',
  EGRESS_ABORTED: 'failed',
  EGRESS_LIMIT_REACHED: 'failed',
};
/** The enum's numbers, for a server that sends them instead of names. */
const STATUS_NAMES = Object.keys(STATUS);

export function recordingFromEgress(info: Json): RecordingInfo {
  const rawStatus = field(info, 'status') ?? 'EGRESS_STARTING';
  const statusName = typeof rawStatus === 'number' ? STATUS_NAMES[rawStatus] : String(rawStatus);
  const status = STATUS[statusName ?? ''] ?? 'failed';
  const files: RecordingFile[] = [];
  let durationMs = 0;
  for (const file of [
    ...list(info, 'file_results'),
    ...(field(info, 'file') ? [field(info, 'file') as Json] : []),
  ]) {
    const location = text(file, 'location') ?? text(file, 'filename');
    if (location) files.push({ kind: 'mp4', location });
    durationMs = Math.max(durationMs, nanosToMs(field(file, 'duration')) ?? 0);
  }
  for (const segments of list(info, 'segment_results')) {
    const location = text(segments, 'playlist_location') ?? text(segments, 'playlist_name');
    if (location) files.push({ kind: 'hls', location });
    durationMs = Math.max(durationMs, nanosToMs(field(segments, 'duration')) ?? 0);
  }
  const startedAt = nanosToMs(field(info, 'started_at'));
  const endedAt = nanosToMs(field(info, 'ended_at'));
  if (!durationMs && startedAt) durationMs = (endedAt ?? Date.now()) - startedAt;
  const error = text(info, 'error');
  return {
    recordingId: text(info, 'egress_id') ?? '',
    room: text(info, 'room_name') ?? '',
    status,
    ...(startedAt !== undefined && { startedAt }),
    ...(endedAt !== undefined && { endedAt }),
    durationSeconds: Math.max(0, durationMs / 1000),
    files,
    ...(status === 'failed' && {
      error:
        error ||
        (statusName === 'EGRESS_LIMIT_REACHED'
          ? 'Egress reached its time limit.'
          : 'Egress failed.'),
    }),
  };
}
