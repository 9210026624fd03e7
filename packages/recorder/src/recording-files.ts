// The local recorder's files over HTTP, as a Fetch-API handler: the MP4 with byte ranges (a
// player seeks with them), the HLS playlist and its segments with the content types and caching
// headers a CDN respects. Only the files a recording has: no other path can be asked for.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readManifest, readManifests, recordingFolder } from './manifest';
import type { RecordingInfo } from './recording';

export interface RecordingFilesOptions {
  /** The local recorder's `directory`. */
  directory: string;
}

/** Which file of which recording: `file` is `recording.mp4`, `hls/index.m3u8` or a segment. */
export interface RecordingFilePath {
  room: string;
  recordingId: string;
  file: string;
}

export type RecordingFilesHandler = (
  request: Request,
  path: RecordingFilePath,
) => Promise<Response>;

const RECORDING_ID = /^REC_[A-Za-z0-9_-]{1,32}$/;
const SEGMENT = /^hls\/segment-\d{5,9}\.ts$/;
/** A segment never changes once listed; the playlist does until the recording ends. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function kindOf(file: string): 'mp4' | 'playlist' | 'segment' | undefined {
  if (file === 'recording.mp4') return 'mp4';
  if (file === 'hls/index.m3u8') return 'playlist';
  return SEGMENT.test(file) ? 'segment' : undefined;
}

const CONTENT_TYPES = {
  mp4: 'video/mp4',
  playlist: 'application/vnd.apple.mpegurl',
  segment: 'video/mp2t',
} as const;

const notFound = () =>
  new Response(JSON.stringify({ error: 'not_found', message: 'No such recording file.' }), {
    status: 404,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` of a file of `size` bytes; undefined: unsatisfiable. */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return undefined;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : undefined;
}

export function createRecordingFiles(options: RecordingFilesOptions): RecordingFilesHandler {
  const { directory } = options;
  const finished = new Set<string>();

  /**
   * Whether the recording is over (its files will not change). Live HLS viewers ask with every
   * playlist request: one small file is read, and once it is over, nothing.
   */
  async function isFinished(folder: string): Promise<boolean> {
    if (finished.has(folder)) return true;
    const status = (await readManifest(folder))?.status;
    const done = status === 'complete' || status === 'failed';
    if (done) finished.add(folder);
    return done;
  }

  return async (request, { room, recordingId, file }) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const kind = kindOf(file);
    if (!kind || !RECORDING_ID.test(recordingId) || room.length === 0 || room.length > 256) {
      return notFound();
    }
    const folder = recordingFolder(directory, room, recordingId);
    const path = join(folder, file);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return notFound();

    const done = kind === 'segment' || (await isFinished(folder));
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[kind],
      'Accept-Ranges': 'bytes',
      'Last-Modified': info.mtime.toUTCString(),
      // A live playlist changes every segment: caches may keep it a second, not more.
      'Cache-Control':
        kind === 'segment' ? IMMUTABLE : done ? 'public, max-age=3600' : 'public, max-age=1',
      'X-Content-Type-Options': 'nosniff',
    };
    let start = 0;
    let end = info.size - 1;
    let status = 200;
    const range = request.headers.get('range');
    // A file still being written is served whole (its size changes under a range).
    if (range && done) {
      const wanted = parseRange(range, info.size);
      if (!wanted) {
        return new Response(null, {
          status: 416,
          headers: { 'Content-Range': `bytes */${info.size}`, 'Cache-Control': 'no-store' },
        });
      }
      ({ start, end } = wanted);
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
    }
    headers['Content-Length'] = String(info.size === 0 ? 0 : end - start + 1);
    if (request.method === 'HEAD' || info.size === 0)
      return new Response(null, { status, headers });
    const stream = createReadStream(path, { start, end });
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
  };
}

/** The recordings under the local recorder's `directory` (of one room), newest first. */
export async function listRecordings(directory: string, room?: string): Promise<RecordingInfo[]> {
  const found = await readManifests(directory, room);
  return found.sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
}
