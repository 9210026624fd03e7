import { render } from '@testing-library/react';
import { useRef } from 'react';
import { expect, test, vi } from 'vitest';
import { isHlsPlaylist, useMediaSource, type HlsConstructor } from './useMediaSource';

function Player({ src, hls, live }: { src: string; hls?: HlsConstructor; live?: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  useMediaSource(video, src, hls, live);
  return <video ref={video} data-testid="video" />;
}

/** An hls.js stand-in that records what the player asked of it. */
function fakeHls(supported = true) {
  const calls: string[] = [];
  const configs: unknown[] = [];
  class Hls {
    static isSupported = () => supported;
    constructor(config?: Record<string, unknown>) {
      configs.push(config);
    }
    loadSource = (url: string) => void calls.push(`load ${url}`);
    attachMedia = (media: HTMLMediaElement) => void calls.push(`attach ${media.tagName}`);
    on = () => {};
    destroy = () => void calls.push('destroy');
  }
  return { Hls: Hls as HlsConstructor, calls, configs };
}

test('an HLS playlist the browser cannot play goes through hls.js, which is destroyed after', () => {
  // jsdom, like Firefox, answers '' to canPlayType for HLS.
  const { Hls, calls, configs } = fakeHls();
  const view = render(<Player src="/live/index.m3u8" hls={Hls} live />);
  expect(calls).toEqual(['load /live/index.m3u8', 'attach VIDEO']);
  expect(configs[0]).toMatchObject({ liveSyncDurationCount: 3 });
  expect(view.getByTestId('video').getAttribute('src')).toBeNull();
  view.unmount();
  expect(calls.at(-1)).toBe('destroy');
});

test('an MP4, or HLS without hls.js (or where it is unsupported), is the element’s own source', () => {
  const { Hls, calls } = fakeHls();
  const mp4 = render(<Player src="/r/recording.mp4" hls={Hls} />);
  expect(mp4.getByTestId('video').getAttribute('src')).toBe('/r/recording.mp4');
  mp4.unmount();
  const bare = render(<Player src="/live/index.m3u8" />);
  expect(bare.getByTestId('video').getAttribute('src')).toBe('/live/index.m3u8');
  bare.unmount();
  const { Hls: Unsupported, calls: none } = fakeHls(false);
  render(<Player src="/live/index.m3u8" hls={Unsupported} />);
  expect(none).toEqual([]);
  expect(calls).toEqual([]);
});

test('where the browser plays HLS itself (Safari), hls.js is not used', () => {
  const canPlay = vi
    .spyOn(HTMLMediaElement.prototype, 'canPlayType')
    .mockReturnValue('maybe' as CanPlayTypeResult);
  const { Hls, calls } = fakeHls();
  const view = render(<Player src="/live/index.m3u8" hls={Hls} />);
  expect(view.getByTestId('video').getAttribute('src')).toBe('/live/index.m3u8');
  expect(calls).toEqual([]);
  canPlay.mockRestore();
});

test('a playlist is known by its .m3u8, a query string allowed', () => {
  expect(isHlsPlaylist('/a/hls/index.m3u8')).toBe(true);
  expect(isHlsPlaylist('/a/index.M3U8?token=x')).toBe(true);
  expect(isHlsPlaylist('/a/recording.mp4')).toBe(false);
  expect(isHlsPlaylist('/a/m3u8.mp4')).toBe(false);
});

test('live in the browser’s own player: to near the live edge, and a missing playlist asked again', () => {
  vi.useFakeTimers();
  const canPlay = vi
    .spyOn(HTMLMediaElement.prototype, 'canPlayType')
    .mockReturnValue('maybe' as CanPlayTypeResult);
  const load = vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
  const view = render(<Player src="/live/index.m3u8" live />);
  const video = view.getByTestId('video') as HTMLVideoElement;
  // The show has been on for 40 s: the browser starts at its first segment.
  Object.defineProperty(video, 'seekable', { value: { length: 1, end: () => 40 } });
  video.dispatchEvent(new Event('loadedmetadata'));
  expect(video.currentTime).toBe(34);
  // In the show's first seconds the playlist is not written yet: asked for again 2 s later.
  video.dispatchEvent(new Event('error'));
  expect(load).not.toHaveBeenCalled();
  vi.advanceTimersByTime(2000);
  expect(load).toHaveBeenCalledTimes(1);
  view.unmount();
  canPlay.mockRestore();
  load.mockRestore();
  vi.useRealTimers();
});
