import { describe, expect, test } from 'vitest';
import { Timeline } from './timeline';

const FPS = 10; // a tick every 100 ms keeps the tables readable
const RATE = 8000; // 8 samples per ms

function timeline() {
  return new Timeline<string>({ fps: FPS, sampleRate: RATE, videoDelayMs: 50, audioLagMs: 200 });
}

describe('video', () => {
  test('nothing is due before the first frame; the first frame is tick 0 once the delay passed', () => {
    const t = timeline();
    expect(t.videoDue(1_000)).toEqual([]);
    t.pushVideo('a', 'cam', 5_000_000, 1_000);
    expect(t.videoDue(1_049)).toEqual([]);
    expect(t.videoDue(1_050)).toEqual(['a']);
  });

  test('each tick shows the newest frame captured by then, by timestamp, not by arrival', () => {
    const t = timeline();
    // Captured every 100 ms; b and c arrive bunched together (late), d on time.
    t.pushVideo('a', 'cam', 0, 1_000);
    t.pushVideo('b', 'cam', 100_000, 1_180);
    t.pushVideo('c', 'cam', 200_000, 1_185);
    t.pushVideo('d', 'cam', 300_000, 1_300);
    expect(t.videoDue(1_360)).toEqual(['a', 'b', 'c', 'd']);
    expect(t.stats).toMatchObject({ framesWritten: 4, framesRepeated: 0, framesSkipped: 0 });
  });

  test('a frame that arrived sooner than any before lowers the delay for the rest', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_040); // 40 ms of delay
    t.pushVideo('b', 'cam', 100_000, 1_100); // 0 ms: the track's clock moves 40 ms earlier
    t.pushVideo('c', 'cam', 200_000, 1_200);
    // Origin is a's moment (1 040); c is at 1 200 − 1 040 = 160 ms, shown at the tick of 200 ms.
    expect(t.videoDue(1_040 + 50 + 200)).toEqual(['a', 'b', 'c']);
  });

  test('when nothing new came (the host is away), the last frame is repeated and counted', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_000);
    expect(t.videoDue(1_050 + 300)).toEqual(['a', 'a', 'a', 'a']);
    expect(t.stats.framesRepeated).toBe(3);
    expect(t.durationSeconds).toBe(0.4);
  });

  test('frames captured faster than the recording runs are skipped, newest kept', () => {
    const t = timeline();
    for (let i = 0; i < 5; i++) t.pushVideo(`f${i}`, 'cam', i * 25_000, 1_000 + i * 25);
    expect(t.videoDue(1_050 + 100)).toEqual(['f0', 'f4']);
    expect(t.stats.framesSkipped).toBe(3);
  });

  test('a new track (the host reconnected, or shares the screen) continues the same clock', () => {
    const t = timeline();
    t.pushVideo('cam-1', 'cam', 7_000_000, 1_000);
    t.videoDue(1_050);
    // Five seconds away; the new track's timestamps start from another origin entirely.
    t.pushVideo('cam-2', 'cam-again', 42_000_000, 6_000);
    const due = t.videoDue(6_050);
    expect(due).toHaveLength(50); // ticks 1..50: 100 ms to 5 000 ms
    expect(due.slice(0, 49).every((frame) => frame === 'cam-1')).toBe(true);
    expect(due.at(-1)).toBe('cam-2');
  });

  test('a timestamp jump within one track is a restart, not a five-second hole', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 1_000_000, 1_000);
    t.pushVideo('b', 'cam', 9_000_000, 1_100); // the sender's clock jumped 8 s ahead
    expect(t.videoDue(1_150)).toEqual(['a', 'b']);
  });
});

describe('audio', () => {
  test('audio before the first video frame has nowhere to go', () => {
    const t = timeline();
    expect(t.pushAudio(new Int16Array(80), 1_000)).toEqual([]);
  });

  test('audio that arrives in step is written as it is', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_000);
    const frame = new Int16Array(80).fill(7); // 10 ms
    for (let i = 1; i <= 10; i++) expect(t.pushAudio(frame, 1_000 + i * 10)).toEqual([frame]);
    expect(t.samplesWritten).toBe(800);
    expect(t.stats).toMatchObject({ silenceSamples: 0, audioSkipped: 0 });
  });

  test('after a gap (the host was away) silence fills up to where the audio belongs', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_000);
    const frame = new Int16Array(80).fill(7);
    t.pushAudio(frame, 1_010);
    const out = t.pushAudio(frame, 3_010); // 2 s later
    expect(out.map((part) => part.length)).toEqual([2000 * 8 - 80, 80]);
    expect(out[0]!.every((sample) => sample === 0)).toBe(true);
    expect(t.samplesWritten).toBe(3010 * 8 - 1000 * 8);
  });

  test('jitter within the tolerance is left alone', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_000);
    const frame = new Int16Array(80);
    t.pushAudio(frame, 1_100); // 90 ms late for its position: within 120 ms
    expect(t.stats.silenceSamples).toBe(0);
  });

  test('audio that runs ahead of its position is trimmed back to the tolerance', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_000);
    const burst = new Int16Array(8 * 400); // 400 ms of audio arriving at once, at 100 ms
    const out = t.pushAudio(burst, 1_100);
    expect(t.stats.audioSkipped).toBe(8 * 400 - 8 * 100 - 8 * 120);
    expect(out[0]!.length).toBe(8 * 220);
  });

  test('when no audio comes, silence keeps pace, the lag behind', () => {
    const t = timeline();
    t.pushVideo('a', 'cam', 0, 1_000);
    expect(t.silenceDue(1_100)).toBeUndefined();
    expect(t.silenceDue(1_700)!.length).toBe(500 * 8);
    expect(t.silenceDue(1_700)).toBeUndefined();
    // Audio arriving on time after that continues without another gap.
    expect(t.pushAudio(new Int16Array(80), 1_710)).toHaveLength(2);
  });
});

test('options out of range are refused', () => {
  expect(() => new Timeline({ fps: 0, sampleRate: 48_000 })).toThrow(RangeError);
  expect(() => new Timeline({ fps: 30, sampleRate: 100 })).toThrow(RangeError);
});
