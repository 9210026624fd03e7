// Where finished recordings go besides the recorder's own folder: durable storage (S3 or any
// S3-compatible service) that the local recorder copies each finished recording into.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordingFile } from './recording';

export interface UploadProgress {
  uploadedBytes: number;
  totalBytes: number;
}

export interface RecordingToUpload {
  room: string;
  recordingId: string;
  /** The recording's local folder (`recording.mp4`, `hls/…`). */
  folder: string;
}

/** Durable storage for finished recordings. */
export interface RecordingStorage {
  /**
   * Copies a finished recording's files (the MP4, the HLS playlist and its segments) and resolves
   * with where they are now; rejects (a RecorderError) when any of them could not be copied.
   */
  upload(
    recording: RecordingToUpload,
    onProgress?: (progress: UploadProgress) => void,
  ): Promise<RecordingFile[]>;
}

export interface LocalFile {
  /** Relative to the recording's folder, with `/`: `recording.mp4`, `hls/segment-00001.ts`. */
  name: string;
  path: string;
  bytes: number;
  contentType: string;
}

const CONTENT_TYPES: Array<[RegExp, string]> = [
  [/\.mp4$/, 'video/mp4'],
  [/\.m3u8$/, 'application/vnd.apple.mpegurl'],
  [/\.ts$/, 'video/mp2t'],
];

/** The files of a recording's folder worth keeping: the MP4 and the HLS folder (not the manifest). */
export async function recordingFiles(folder: string): Promise<LocalFile[]> {
  const names = ['recording.mp4'];
  const hls = await readdir(join(folder, 'hls')).catch(() => [] as string[]);
  names.push(...hls.sort().map((name) => `hls/${name}`));
  const files: LocalFile[] = [];
  for (const name of names) {
    const contentType = CONTENT_TYPES.find(([pattern]) => pattern.test(name))?.[1];
    if (!contentType) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) files.push({ name, path, bytes: info.size, contentType });
  }
  return files;
}
