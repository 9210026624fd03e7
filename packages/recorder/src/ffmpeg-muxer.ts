// ffmpeg as a child process: video images on stdin, PCM on fd 3, the encode written into the
// recording's folder. Backpressure drops video frames (counted), never audio.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { ffmpegArguments, type EncodeOptions } from './ffmpeg-args';
import { RecorderError } from './recording';

/** Video waiting in the pipe beyond this (bytes) means ffmpeg is behind: new frames are dropped. */
const MAX_VIDEO_BACKLOG = 48 * 1024 * 1024;

export interface Muxer {
  writeVideo(image: Uint8Array): void;
  writeAudio(samples: Int16Array): void;
  /** Closes both inputs and waits for ffmpeg to finish the files; rejects if it failed. */
  finish(): Promise<void>;
  /** Frames dropped because ffmpeg could not keep up. */
  readonly droppedFrames: number;
  /** Rejects as soon as ffmpeg fails (for a recording to report it while running). */
  readonly exited: Promise<void>;
}

export async function startMuxer(
  directory: string,
  encode: EncodeOptions,
  ffmpegPath = 'ffmpeg',
): Promise<Muxer> {
  await mkdir(join(directory, 'hls'), { recursive: true });
  const child = spawn(ffmpegPath, ffmpegArguments(encode), {
    cwd: directory,
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const video = child.stdin!;
  const audio = child.stdio[3] as Writable;
  // ffmpeg's death surfaces through `exited`; a write into its closed pipe must not crash us.
  video.on('error', () => {});
  audio.on('error', () => {});
  let closed = false;
  let dropped = 0;

  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      closed = true;
      reject(
        error.code === 'ENOENT'
          ? new RecorderError(
              'ffmpeg_missing',
              `ffmpeg was not found (${ffmpegPath}): install it (Debian: apt-get install ffmpeg) or pass ffmpegPath.`,
            )
          : new RecorderError('ffmpeg_failed', `ffmpeg could not start: ${error.message}`),
      );
    });
    child.once('exit', (code, signal) => {
      closed = true;
      if (code === 0) resolve();
      else {
        const reason = signal ? `was killed (${signal})` : `exited with ${code}`;
        const tail = stderr.trim().split('\n').slice(-3).join(' / ');
        reject(new RecorderError('ffmpeg_failed', `ffmpeg ${reason}${tail ? `: ${tail}` : ''}`));
      }
    });
  });
  // Unhandled until someone awaits it; failures are also reported by finish().
  exited.catch(() => {});

  return {
    writeVideo(image) {
      if (closed) return;
      if (video.writableLength > MAX_VIDEO_BACKLOG) {
        dropped++;
        return;
      }
      video.write(image);
    },
    writeAudio(samples) {
      if (closed) return;
      audio.write(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    },
    async finish() {
      video.end();
      audio.end();
      await exited;
    },
    get droppedFrames() {
      return dropped;
    },
    exited,
  };
}
