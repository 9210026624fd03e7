import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useRef,
  type VideoHTMLAttributes,
} from 'react';
import type { AttachableTrack } from '../store/show-store';

export interface ShowVideoProps extends VideoHTMLAttributes<HTMLVideoElement> {
  track: AttachableTrack | undefined;
  /** Mirror the picture (a host's own camera preview); default false. */
  mirror?: boolean;
}

/**
 * A muted, inline video element with `track` attached. LiveKit's remote tracks attach through
 * their own `attach()`, which is what lets adaptive stream see the element's size and visibility.
 */
export const ShowVideo = forwardRef<HTMLVideoElement, ShowVideoProps>(function ShowVideo(
  { track, mirror = false, className, ...rest },
  forwarded,
) {
  const ref = useRef<HTMLVideoElement>(null);
  useImperativeHandle(forwarded, () => ref.current as HTMLVideoElement, []);
  useEffect(() => {
    const element = ref.current;
    if (!element || !track) return;
    track.attach(element);
    return () => void track.detach(element);
  }, [track]);
  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted
      {...rest}
      className={className ? `show-video ${className}` : 'show-video'}
      data-show-mirror={mirror || undefined}
    />
  );
});
