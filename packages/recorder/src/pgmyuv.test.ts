import { expect, test } from 'vitest';
import { i420ToPgmyuv } from './pgmyuv';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

test('a 4×2 frame: header, the Y rows, then U beside V for each chroma row', () => {
  // Y 8 bytes (1..8), U 2 bytes (U1 U2), V 2 bytes (V1 V2).
  const frame = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 21, 22, 31, 32]);
  const image = i420ToPgmyuv(frame, 4, 2);
  const header = 'P5\n4 3\n255\n';
  expect(decode(image.subarray(0, header.length))).toBe(header);
  expect([...image.subarray(header.length)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 21, 22, 31, 32]);
});

test('a 4×4 frame interleaves per chroma row', () => {
  const y = Array.from({ length: 16 }, (_, i) => i);
  const frame = Uint8Array.from([...y, 100, 101, 102, 103, 200, 201, 202, 203]);
  const image = i420ToPgmyuv(frame, 4, 4);
  const body = [...image.subarray('P5\n4 6\n255\n'.length)];
  expect(body.slice(16)).toEqual([100, 101, 200, 201, 102, 103, 202, 203]);
});

test('odd sizes drop the last column and row', () => {
  // 5×3: chroma 3×2. Y rows of 5; the image keeps 4×2.
  const y = Array.from({ length: 15 }, (_, i) => i);
  const u = [50, 51, 52, 53, 54, 55];
  const v = [60, 61, 62, 63, 64, 65];
  const image = i420ToPgmyuv(Uint8Array.from([...y, ...u, ...v]), 5, 3);
  const header = 'P5\n4 3\n255\n';
  expect(decode(image.subarray(0, header.length))).toBe(header);
  expect([...image.subarray(header.length)]).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 50, 51, 60, 61]);
});

test('a short buffer or a degenerate size is refused with the sizes in words', () => {
  expect(() => i420ToPgmyuv(new Uint8Array(10), 4, 4)).toThrow('needs 24 bytes, not 10');
  expect(() => i420ToPgmyuv(new Uint8Array(10), 0, 4)).toThrow('0×4 cannot be recorded');
});
