// Glass-to-glass delay: the host's camera is replaced by a picture of the clock (the time it was
// drawn, as a row of black and white blocks), and a viewer reads the time back off the video it
// plays. Every page runs on this machine, so one clock: delay = now − the time in the picture.
import type { Page } from '@playwright/test';

/** Bits of the time drawn (ms, modulo 2^BITS: 4.6 hours), one block each, and a parity block. */
const BITS = 24;
const COLUMNS = 9;
const ROWS = 3;

/**
 * Run in the host's page before anything else (`page.addInitScript`): getUserMedia answers with a
 * 640×360 picture of the clock at 30 fps instead of the camera (the microphone stays the fake one).
 * Small: the encoders of the host, the recorder and ffmpeg share two cores with three browsers.
 */
export function clockCamera({
  bits,
  columns,
  rows,
}: {
  bits: number;
  columns: number;
  rows: number;
}) {
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const audio = constraints?.audio ? await original({ audio: constraints.audio }) : undefined;
    if (!constraints?.video) return audio ?? new MediaStream();
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const context = canvas.getContext('2d')!;
    const size = { w: canvas.width / columns, h: canvas.height / rows };
    const draw = () => {
      const now = Date.now() % 2 ** bits;
      let parity = 0;
      for (let i = 0; i <= bits; i++) {
        const bit = i < bits ? (now >> i) & 1 : parity;
        parity ^= i < bits ? bit : 0;
        context.fillStyle = bit ? '#fff' : '#000';
        context.fillRect((i % columns) * size.w, Math.floor(i / columns) * size.h, size.w, size.h);
      }
      // The blocks past the parity: a mid grey, so the picture is never all black or white.
      for (let i = bits + 1; i < columns * rows; i++) {
        context.fillStyle = '#808080';
        context.fillRect((i % columns) * size.w, Math.floor(i / columns) * size.h, size.w, size.h);
      }
    };
    draw();
    setInterval(draw, 1000 / 30);
    const [video] = canvas.captureStream(30).getVideoTracks();
    return new MediaStream([...(video ? [video] : []), ...(audio?.getAudioTracks() ?? [])]);
  };
}

export const CLOCK = { bits: BITS, columns: COLUMNS, rows: ROWS };

/**
 * The delays (ms) of `samples` readings of the clock off the page's first video, `everyMs` apart:
 * now − the time in the picture. Readings whose parity fails (a frame caught mid-change, a blur)
 * are left out.
 */
export async function pictureDelays(page: Page, samples = 12, everyMs = 250): Promise<number[]> {
  return page.evaluate(
    async ({ samples, everyMs, bits, columns, rows }) => {
      const video = document.querySelector('video') as HTMLVideoElement;
      const canvas = document.createElement('canvas');
      const delays: number[] = [];
      for (let n = 0; n < samples; n++) {
        await new Promise((resolve) => setTimeout(resolve, everyMs));
        const { videoWidth: w, videoHeight: h } = video;
        if (w === 0) continue;
        canvas.width = w;
        canvas.height = h;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(video, 0, 0, w, h);
        const read = (i: number) => {
          const x = ((i % columns) + 0.5) * (w / columns);
          const y = (Math.floor(i / columns) + 0.5) * (h / rows);
          const [r = 0, g = 0, b = 0] = context.getImageData(x, y, 1, 1).data;
          return r + g + b > 382 ? 1 : 0;
        };
        let value = 0;
        let parity = 0;
        for (let i = 0; i < bits; i++) {
          const bit = read(i);
          value |= bit << i;
          parity ^= bit;
        }
        if (parity !== read(bits)) continue;
        const now = Date.now() % 2 ** bits;
        delays.push((now - value + 2 ** bits) % 2 ** bits);
      }
      return delays;
    },
    { samples, everyMs, bits: BITS, columns: COLUMNS, rows: ROWS },
  );
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
