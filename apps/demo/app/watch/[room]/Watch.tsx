'use client';
import {
  createShowServerClient,
  replayTimeline,
  ShowReplay,
  type Product,
  type ReplayAnswer,
  type ReplayTimeline,
} from '@show/ui';
import Hls from 'hls.js';
import { useEffect, useMemo, useState } from 'react';

/** How often the pins and chat of the show so far are fetched again. */
const POLL_MS = 2000;

/**
 * The live HLS with the show's timeline, fetched again every two seconds: pins come back when the
 * picture reaches the moment they were made, never ahead of it (the timeline runs ahead of HLS
 * by seconds, so a window ending up to four seconds ago is still ahead of the picture).
 */
export function Watch({
  room,
  products,
  recording,
}: {
  room: string;
  products: Product[];
  recording: { id: string; startedAt: number };
}) {
  const [timeline, setTimeline] = useState<ReplayTimeline>();
  const [problem, setProblem] = useState<string>();
  const server = useMemo(() => createShowServerClient({ room }), [room]);
  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      // Every page asks for the same windows (the same start, an end on the last whole poll
      // interval, already over): the server reads each once for everyone, and a CDN may keep it.
      // Ending up to two intervals back costs nothing here: the picture is seconds older still.
      const from = recording.startedAt - 3_600_000;
      const to = Math.floor(Date.now() / POLL_MS) * POLL_MS - POLL_MS;
      const path = `/api/shows/${encodeURIComponent(room)}/replay?from=${from}&to=${to}`;
      try {
        const response = await fetch(path, { signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error(`The show's timeline answered ${response.status}.`);
        const answer = (await response.json()) as ReplayAnswer;
        // This show's pins and chat only, not the previous show's.
        setTimeline(replayTimeline(answer, recording.startedAt));
        setProblem(undefined);
      } catch (error) {
        if (controller.signal.aborted) return;
        // The picture plays on; the pins catch up at the next fetch.
        setProblem(error instanceof Error ? error.message : 'The pins could not load.');
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [room, recording.startedAt]);

  if (!timeline) return <p role="status">{problem ?? 'Loading the show…'}</p>;
  return (
    <>
      <ShowReplay
        live
        hls={Hls}
        src={`/api/recordings/${encodeURIComponent(room)}/${recording.id}/hls/index.m3u8`}
        timeline={timeline}
        products={products}
        showId={room}
        server={server}
      />
      {problem && <p role="status">{problem}</p>}
    </>
  );
}
