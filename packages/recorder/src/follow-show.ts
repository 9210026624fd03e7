// Recording that follows the show: going live starts it, ending stops it. The host ending the
// show (or LiveKit closing the room) stops it at once; a host who drops out and comes back
// within the grace period stays in one recording, and a show that stays ended is stopped then.
import type { RecordingInfo, ShowRecorder, StartRecordingOptions } from './recording';

/** The show events `@show/server`'s observer sends (`observe.show`). */
export interface ShowStatusEvent {
  room: string;
  status: string;
  /** Why it ended, when it just did: `disconnect` (the host dropped out) waits for a return. */
  endedBy?: string | undefined;
}

export interface FollowShowOptions extends StartRecordingOptions {
  /**
   * Seconds a show whose host dropped out may come back live within, still in the same recording
   * (default 30).
   */
  graceSeconds?: number;
  /** A recording started or finished. */
  onRecording?: (info: RecordingInfo) => void;
  /** Starting or stopping failed; the next event about the show tries again. */
  onError?: (error: unknown, room: string) => void;
}

export interface ShowFollower {
  /** Give it `@show/server`'s show events (an observer's `show` callback). */
  show(event: ShowStatusEvent): void;
  /** Stops every recording it started, now. */
  close(): Promise<void>;
}

export function followShows(recorder: ShowRecorder, options: FollowShowOptions = {}): ShowFollower {
  const graceMs = (options.graceSeconds ?? 30) * 1000;
  const recording = new Map<string, string>();
  const endings = new Map<string, ReturnType<typeof setTimeout>>();
  /** One call at a time per room, in the order the events came. */
  const queues = new Map<string, Promise<void>>();
  const start: StartRecordingOptions = options.participant
    ? { participant: options.participant }
    : {};

  const inOrder = (room: string, work: () => Promise<void>) => {
    const next = (queues.get(room) ?? Promise.resolve()).then(work).catch((error: unknown) => {
      options.onError?.(error, room);
    });
    queues.set(room, next);
    void next.then(() => {
      if (queues.get(room) === next) queues.delete(room);
    });
  };

  const stop = (room: string) =>
    inOrder(room, async () => {
      const id = recording.get(room);
      if (!id) return;
      recording.delete(room);
      const info = await recorder.stop(id);
      options.onRecording?.(info);
    });

  return {
    show({ room, status, endedBy }) {
      if (status === 'live') {
        clearTimeout(endings.get(room));
        endings.delete(room);
        inOrder(room, async () => {
          if (recording.has(room)) return;
          const info = await recorder.start(room, start);
          recording.set(room, info.recordingId);
          options.onRecording?.(info);
        });
      } else if (status === 'ended' && endedBy !== undefined && endedBy !== 'disconnect') {
        clearTimeout(endings.get(room));
        endings.delete(room);
        stop(room);
      } else if (status === 'ended' && !endings.has(room)) {
        endings.set(
          room,
          setTimeout(() => {
            endings.delete(room);
            stop(room);
          }, graceMs),
        );
      }
    },
    async close() {
      for (const timer of endings.values()) clearTimeout(timer);
      endings.clear();
      for (const room of [...recording.keys()]) stop(room);
      await Promise.all(queues.values());
    },
  };
}
