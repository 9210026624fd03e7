import { expect, test } from 'vitest';
import { ffmpegArguments, recordingSize } from './ffmpeg-args';

test.each([
  [1280, 720, 1280, 720],
  [1920, 1080, 1280, 720],
  [720, 1280, 720, 1280], // a portrait phone host stays portrait
  [1080, 1920, 720, 1280],
  [640, 480, 640, 480],
  [641, 361, 642, 362], // even sides
])('recordingSize(%i, %i) is %i×%i', (w, h, width, height) => {
  expect(recordingSize(w, h)).toEqual({ width, height });
});

test('a keyframe per segment, both outputs from one encode, PCM on fd 3', () => {
  const args = ffmpegArguments({ width: 720, height: 1280, fps: 30, sampleRate: 48_000 });
  const after = (flag: string) => args[args.indexOf(flag) + 1];
  expect(after('-g')).toBe('60');
  expect(after('-keyint_min')).toBe('60');
  expect(args).toContain('pipe:3');
  expect(after('-vf')).toContain('pad=720:1280');
  expect(args.at(-1)).toMatch(
    /^\[f=mp4:[^\]]*\]recording\.mp4\|\[f=hls:hls_time=2:.*\]hls\/index\.m3u8$/,
  );
});

test('segment length and bitrate are options', () => {
  const args = ffmpegArguments({
    width: 1280,
    height: 720,
    fps: 25,
    sampleRate: 48_000,
    segmentSeconds: 4,
    videoKbps: 1200,
  });
  expect(args[args.indexOf('-g') + 1]).toBe('100');
  expect(args[args.indexOf('-b:v') + 1]).toBe('1200k');
  expect(args.at(-1)).toContain('hls_time=4');
});
