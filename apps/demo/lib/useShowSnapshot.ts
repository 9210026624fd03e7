'use client';
import { useEffect, useState } from 'react';

export interface ShowSnapshotView {
  status: 'upcoming' | 'live' | 'ended';
  viewers: number;
  peakViewers: number;
}

/** Polls `/api/shows/[room]` (the server's count, from webhooks) every `intervalMs`. */
export function useShowSnapshot(room: string, intervalMs = 2000): ShowSnapshotView | undefined {
  const [snapshot, setSnapshot] = useState<ShowSnapshotView>();
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const response = await fetch(`/api/shows/${encodeURIComponent(room)}`, {
          cache: 'no-store',
        });
        if (response.ok && !stopped) setSnapshot((await response.json()) as ShowSnapshotView);
      } catch {
        // Keep the last figure; the next poll tries again.
      }
    };
    void load();
    const timer = setInterval(load, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [room, intervalMs]);
  return snapshot;
}
