// Decoded I420 frames as PGMYUV images: each image carries its own size, so ffmpeg takes a
// stream of them whatever the sender's resolution does (simulcast layers, a screen share, a phone
// turned sideways). Raw video of a fixed size broke on the first change.

/**
 * One I420 frame (Y plane, then U, then V, each row packed) as a PGMYUV image: a PGM header for
 * width × height·3/2, the Y rows, then each chroma row as its U half beside its V half. Odd sizes
 * lose their last column or row (PGMYUV needs even ones).
 */
export function i420ToPgmyuv(data: Uint8Array, width: number, height: number): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 2 && height >= 2)) {
    throw new RangeError(`A frame of ${width}×${height} cannot be recorded.`);
  }
  const chromaWidth = Math.ceil(width / 2);
  const chromaHeight = Math.ceil(height / 2);
  const expected = width * height + 2 * chromaWidth * chromaHeight;
  if (data.length < expected) {
    throw new RangeError(
      `An I420 frame of ${width}×${height} needs ${expected} bytes, not ${data.length}.`,
    );
  }
  const w = width & ~1;
  const h = height & ~1;
  const header = new TextEncoder().encode(`P5\n${w} ${(h * 3) / 2}\n255\n`);
  const out = new Uint8Array(header.length + (w * h * 3) / 2);
  out.set(header, 0);
  let at = header.length;
  for (let row = 0; row < h; row++) {
    out.set(data.subarray(row * width, row * width + w), at);
    at += w;
  }
  const uStart = width * height;
  const vStart = uStart + chromaWidth * chromaHeight;
  const half = w / 2;
  for (let row = 0; row < h / 2; row++) {
    out.set(data.subarray(uStart + row * chromaWidth, uStart + row * chromaWidth + half), at);
    out.set(
      data.subarray(vStart + row * chromaWidth, vStart + row * chromaWidth + half),
      at + half,
    );
    at += w;
  }
  return out;
}
