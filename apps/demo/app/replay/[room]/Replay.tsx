'use client';
import {
  createShowServerClient,
  ShowReplay,
  type CartApi,
  type CheckoutInfo,
  type Product,
  replayTimeline,
  type ReplayAnswer,
  type ReplayTimeline,
} from '@show/ui';
import { useEffect, useMemo, useState } from 'react';

interface RecordingRef {
  id: string;
  startedAt: number;
  endedAt: number;
  durationSeconds: number;
}

type Loaded = { timeline: ReplayTimeline } | { problem: string } | undefined;

/** Fetches what happened during the recording (pins, chat) and plays it back in step. */
export function Replay({
  room,
  products,
  recording,
}: {
  room: string;
  products: Product[];
  recording: RecordingRef;
}) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [order, setOrder] = useState<string>();
  // What people do with the products in the replay counts in the seller's figures, as replay.
  const server = useMemo(() => createShowServerClient({ room }), [room]);
  useEffect(() => {
    const controller = new AbortController();
    // From a while before the first frame (pins made before it still apply) to the end.
    const from = recording.startedAt - 3_600_000;
    const to = recording.endedAt;
    const path = `/api/shows/${encodeURIComponent(room)}/replay?from=${from}&to=${to}`;
    fetch(path, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The replay's timeline answered ${response.status}.`);
        const answer = (await response.json()) as ReplayAnswer;
        // This show's pins and chat only, not the previous show's.
        setLoaded({ timeline: replayTimeline(answer, recording.startedAt) });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({
          problem: error instanceof Error ? error.message : 'The replay could not load.',
        });
      });
    return () => controller.abort();
  }, [room, recording.startedAt, recording.endedAt]);

  if (!loaded) return <p role="status">Loading the replay…</p>;
  if ('problem' in loaded) return <p role="alert">{loaded.problem}</p>;
  const onCheckout = (cart: CartApi, { checkoutId }: CheckoutInfo) =>
    setOrder(
      `Checkout ${checkoutId.slice(0, 8)} handed off: ${cart.count} item${cart.count === 1 ? '' : 's'}. (The demo has no shop behind it.)`,
    );
  return (
    <>
      <ShowReplay
        src={`/api/recordings/${encodeURIComponent(room)}/${recording.id}/recording.mp4`}
        timeline={loaded.timeline}
        products={products}
        showId={room}
        onCheckout={onCheckout}
        server={server}
      />
      <p role="status" className="viewer__order">
        {order}
      </p>
    </>
  );
}
