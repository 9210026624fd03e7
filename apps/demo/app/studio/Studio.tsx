'use client';
import {
  ChatPanel,
  createShowServerClient,
  LiveKitBroadcaster,
  StreamControlPanel,
  StreamMetrics,
} from '@show/ui';
import { useCallback, useMemo } from 'react';
import type { ShowPageProps } from '../../lib/catalog';
import { fetchToken } from '../../lib/fetch-token';
import { useShowSnapshot } from '../../lib/useShowSnapshot';

export function Studio({ serverUrl, room, products }: ShowPageProps) {
  const token = useCallback(() => fetchToken(room, 'Maya from Atelier', true), [room]);
  const snapshot = useShowSnapshot(room);
  // Chat, deletes, mutes and the audience's figures go through the app's server.
  const server = useMemo(() => createShowServerClient({ room }), [room]);
  const onMuteViewer = useCallback((person: string) => server.setMuted(person, true), [server]);
  const onUnmuteViewer = useCallback((person: string) => server.setMuted(person, false), [server]);
  return (
    <LiveKitBroadcaster
      serverUrl={serverUrl}
      token={token}
      server={server}
      showId={`studio:${room}`}
      className="studio__stage"
    >
      <div className="studio__side">
        {/* The stream's health in a seller's words; the engineer's figures one click away. */}
        <StreamControlPanel
          products={products}
          {...(snapshot && { viewerCount: snapshot.viewers })}
        >
          <StreamMetrics />
        </StreamControlPanel>
      </div>
      <div className="studio__below">
        <section className="studio__chat" aria-label="Chat moderation">
          <h2>Chat</h2>
          <ChatPanel onMuteViewer={onMuteViewer} onUnmuteViewer={onUnmuteViewer} />
        </section>
      </div>
    </LiveKitBroadcaster>
  );
}
