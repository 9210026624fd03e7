'use client';
import {
  ChatPanel,
  LiveKitBroadcaster,
  StreamControlPanel,
  StreamMetrics,
  useStreamMetrics,
} from '@show/ui';
import { useCallback } from 'react';
import type { ShowPageProps } from '../../lib/catalog';
import { fetchToken } from '../../lib/fetch-token';
import { muteViewer } from '../../lib/mute-viewer';
import { useShowSnapshot } from '../../lib/useShowSnapshot';

function Health() {
  return <StreamMetrics {...useStreamMetrics()} />;
}

export function Studio({ serverUrl, room, products }: ShowPageProps) {
  const token = useCallback(() => fetchToken(room, 'Maya from Atelier', true), [room]);
  const snapshot = useShowSnapshot(room);
  const onMuteViewer = useCallback((identity: string) => muteViewer(room, identity), [room]);
  const onUnmuteViewer = useCallback(
    (identity: string) => muteViewer(room, identity, false),
    [room],
  );
  return (
    <LiveKitBroadcaster
      serverUrl={serverUrl}
      token={token}
      showId={`studio:${room}`}
      className="studio__stage"
    >
      <div className="studio__side">
        <StreamControlPanel
          products={products}
          {...(snapshot && { viewerCount: snapshot.viewers })}
        />
      </div>
      <div className="studio__below">
        <Health />
        <section className="studio__chat" aria-label="Chat moderation">
          <h2>Chat</h2>
          <ChatPanel onMuteViewer={onMuteViewer} onUnmuteViewer={onUnmuteViewer} />
        </section>
      </div>
    </LiveKitBroadcaster>
  );
}
