import { useEffect, useRef, useState, type RefObject } from 'react';

/** The still is small: it is shown dimmed and blurred behind a message. */
const STILL_WIDTH = 480;

/**
 * `[held, ref]`: a canvas (`ref`, for a `<canvas>`) holding the picture `video` showed about a second ago, while
 * `capturing`: when the picture goes (a dropped connection, the host away, the end), the player
 * shows that still, dimmed, instead of a black box. One small draw a second; nothing while not
 * capturing. `held`: it holds a picture.
 */
export function useStillFrame(
  video: RefObject<HTMLVideoElement | null>,
  capturing: boolean,
  everyMs = 1000,
): [held: boolean, ref: RefObject<HTMLCanvasElement | null>] {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!capturing) return;
    const draw = () => {
      const source = video.current;
      const target = canvas.current;
      if (!source || !target || source.readyState < 2 || source.videoWidth === 0) return;
      const context = target.getContext('2d');
      if (!context) return;
      const width = Math.min(STILL_WIDTH, source.videoWidth);
      const height = Math.round((source.videoHeight / source.videoWidth) * width);
      if (target.width !== width) target.width = width;
      if (target.height !== height) target.height = height;
      try {
        context.drawImage(source, 0, 0, width, height);
        setHeld(true);
      } catch {
        // A picture the page may not read (none of ours): no still, the plain backdrop stays.
      }
    };
    draw();
    const timer = setInterval(draw, everyMs);
    return () => clearInterval(timer);
  }, [video, capturing, everyMs]);
  return [held, canvas];
}
