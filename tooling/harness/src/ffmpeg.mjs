import { ensureAptPackages } from './apt.mjs';
import { logToStderr } from './run.mjs';
import { which } from './which.mjs';

/**
 * Debian's ffmpeg and ffprobe, for the recorder's tests. Installed with apt on first use (as root).
 * @returns {Promise<{ ffmpeg: string, ffprobe: string }>}
 */
export async function ensureFfmpeg() {
  if (!which('ffmpeg') || !which('ffprobe')) {
    await ensureAptPackages(['ffmpeg'], { why: 'the recorder (ffmpeg)', log: logToStderr });
  }
  const ffmpeg = which('ffmpeg');
  const ffprobe = which('ffprobe');
  if (!ffmpeg || !ffprobe) throw new Error('apt-get installed ffmpeg but it is not on the PATH.');
  return { ffmpeg, ffprobe };
}
