// The ffmpeg command of a recording: PGMYUV images on stdin and 16-bit PCM on fd 3 in, one H.264 +
// AAC encode out to a fragmented MP4 (playable up to the last fragment even if the recorder dies)
// and an HLS playlist beside it (live for the overflow audience, then the replay). Pure.

export interface EncodeOptions {
  /** The recording's size; frames of any other size are scaled into it and padded. */
  width: number;
  height: number;
  fps: number;
  sampleRate: number;
  /** Default 2 500 kbps: a 720p show at the quality a phone host sends. */
  videoKbps?: number;
  /** HLS segment length, seconds (default 2: a live HLS viewer is about three of them behind). */
  segmentSeconds?: number;
}

/** Output names, relative to the recording's folder (ffmpeg runs there: no paths to escape). */
export const OUTPUT = {
  mp4: 'recording.mp4',
  hlsPlaylist: 'hls/index.m3u8',
  hlsSegments: 'hls/segment-%05d.ts',
} as const;

/**
 * The recording's size for a first frame of `width` × `height`: the same shape, its long edge at
 * most `longEdge`, both sides even. A portrait phone host gives a portrait recording.
 */
export function recordingSize(
  width: number,
  height: number,
  longEdge = 1280,
): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}

export function ffmpegArguments(options: EncodeOptions): string[] {
  const { width, height, fps, sampleRate } = options;
  const kbps = options.videoKbps ?? 2500;
  const segment = options.segmentSeconds ?? 2;
  // A keyframe at every segment boundary, and no scene-cut keyframes between them.
  const gop = String(Math.round(fps * segment));
  const fit =
    `scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p`;
  const mp4 = `[f=mp4:movflags=+frag_keyframe+empty_moov+default_base_moof]${OUTPUT.mp4}`;
  const hls =
    `[f=hls:hls_time=${segment}:hls_playlist_type=event:hls_flags=independent_segments:` +
    `hls_segment_filename=${OUTPUT.hlsSegments}]${OUTPUT.hlsPlaylist}`;
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'warning', '-y'],
    ...['-thread_queue_size', '512', '-f', 'image2pipe', '-framerate', String(fps)],
    ...['-c:v', 'pgmyuv', '-i', 'pipe:0'],
    ...['-thread_queue_size', '1024', '-f', 's16le', '-ar', String(sampleRate), '-ac', '1'],
    ...['-i', 'pipe:3'],
    ...['-map', '0:v', '-map', '1:a', '-vf', fit],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-g', gop],
    ...['-keyint_min', gop, '-sc_threshold', '0'],
    ...['-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`],
    ...['-c:a', 'aac', '-b:a', '128k', '-ac', '1'],
    ...['-flags', '+global_header', '-f', 'tee', `${mp4}|${hls}`],
  ];
}
