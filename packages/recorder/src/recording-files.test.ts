import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeManifest } from './manifest';
import type { RecordingInfo } from './recording';
import { createRecordingFiles, listRecordings, parseRange } from './recording-files';

let outer: string;
let directory: string;
const info = (recordingId: string, status: RecordingInfo['status'], startedAt: number) => ({
  recordingId,
  room: 'spring-drop',
  status,
  startedAt,
  durationSeconds: 1,
  files: [],
});

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'recording-files-'));
  directory = join(outer, 'recordings');
  // A recording-shaped folder beside the recorder's own, which no request may reach.
  await mkdir(join(outer, 'REC_outside'), { recursive: true });
  await writeFile(join(outer, 'REC_outside', 'recording.mp4'), 'outside');
  for (const [id, status, at] of [
    ['REC_done', 'complete', 2],
    ['REC_live', 'active', 3],
  ] as const) {
    const folder = join(directory, 'spring-drop', id);
    await mkdir(join(folder, 'hls'), { recursive: true });
    await writeFile(join(folder, 'recording.mp4'), '0123456789');
    await writeFile(join(folder, 'hls', 'index.m3u8'), '#EXTM3U\n');
    await writeFile(join(folder, 'hls', 'segment-00000.ts'), 'ts');
    await writeManifest(folder, info(id, status, at));
  }
  await writeFile(join(directory, 'spring-drop', 'REC_done', 'secret.txt'), 'nope');
});
afterAll(() => rm(outer, { recursive: true, force: true }));

const serve = (
  file: string,
  init: RequestInit = {},
  recordingId = 'REC_done',
  room = 'spring-drop',
) =>
  createRecordingFiles({ directory })(new Request('http://x/', init), { room, recordingId, file });

describe('serving a recording', () => {
  test('the MP4 whole, then a range of it, as a player asks when it seeks', async () => {
    const whole = await serve('recording.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await whole.text()).toBe('0123456789');
    const part = await serve('recording.mp4', { headers: { Range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(part.headers.get('content-length')).toBe('4');
    expect(await part.text()).toBe('2345');
    const beyond = await serve('recording.mp4', { headers: { Range: 'bytes=20-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */10');
  });

  test('HLS: the playlist short-lived while recording, segments immutable', async () => {
    const live = await serve('hls/index.m3u8', {}, 'REC_live');
    expect(live.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(live.headers.get('cache-control')).toBe('public, max-age=1');
    const ended = await serve('hls/index.m3u8');
    expect(ended.headers.get('cache-control')).toBe('public, max-age=3600');
    const segment = await serve('hls/segment-00000.ts', {}, 'REC_live');
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // A file still growing is served whole, whatever range is asked.
    const growing = await serve('recording.mp4', { headers: { Range: 'bytes=2-5' } }, 'REC_live');
    expect(growing.status).toBe(200);
  });

  test('nothing else: other files, other folders, bad ids, other methods', async () => {
    for (const file of [
      'secret.txt',
      'recording.json',
      '../REC_live/recording.mp4',
      'hls/../recording.mp4',
    ]) {
      expect((await serve(file)).status).toBe(404);
    }
    expect((await serve('recording.mp4', {}, '../spring-drop')).status).toBe(404);
    expect((await serve('recording.mp4', {}, 'REC_missing')).status).toBe(404);
    expect((await serve('recording.mp4', {}, 'REC_done', '../..')).status).toBe(404);
    // `..` as a room would be the folder above: a room's folder is encoded, dots too.
    expect((await serve('recording.mp4', {}, 'REC_outside', '..')).status).toBe(404);
    expect((await serve('recording.mp4', { method: 'POST' })).status).toBe(405);
    const head = await serve('recording.mp4', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('10');
    expect(await head.text()).toBe('');
  });

  test('the recordings of a room, newest first', async () => {
    expect((await listRecordings(directory, 'spring-drop')).map((r) => r.recordingId)).toEqual([
      'REC_live',
      'REC_done',
    ]);
    expect(await listRecordings(directory, 'other')).toEqual([]);
  });
});

test.each([
  ['bytes=0-0', 10, { start: 0, end: 0 }],
  ['bytes=5-', 10, { start: 5, end: 9 }],
  ['bytes=-3', 10, { start: 7, end: 9 }],
  ['bytes=8-100', 10, { start: 8, end: 9 }],
  ['bytes=-20', 10, { start: 0, end: 9 }],
  ['bytes=10-', 10, undefined],
  ['bytes=5-2', 10, undefined],
  ['bytes=-0', 10, undefined],
  ['bytes=-', 10, undefined],
  ['items=0-1', 10, undefined],
  ['bytes=0-1,3-4', 10, undefined],
])('parseRange(%s) of %i bytes', (header, size, expected) => {
  expect(parseRange(header, size)).toEqual(expected);
});
