'use client';
import { createShowServerClient, ShowInterface, type CartApi } from '@show/ui';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { ShowPageProps } from '../../../lib/catalog';
import { fetchToken } from '../../../lib/fetch-token';

export function Viewer({
  serverUrl,
  room,
  products,
  moderator,
  title,
  recorded,
}: ShowPageProps & { moderator: boolean; title: string; recorded: boolean }) {
  const [name, setName] = useState<string>();
  const [draft, setDraft] = useState('');
  const [order, setOrder] = useState<string>();
  const token = useCallback(() => fetchToken(room, name ?? 'Guest'), [room, name]);
  // Chat, reactions, mutes and viewer reports go through the app's server, never peer to peer.
  const server = useMemo(() => createShowServerClient({ room }), [room]);
  const onMuteViewer = useCallback((person: string) => server.setMuted(person, true), [server]);
  const onUnmuteViewer = useCallback((person: string) => server.setMuted(person, false), [server]);

  function join(event: FormEvent) {
    event.preventDefault();
    setName(draft.trim().slice(0, 40) || 'Guest');
  }

  if (!name) {
    return (
      <form className="join" onSubmit={join}>
        <label htmlFor="display-name">Your name in the chat</label>
        <input
          id="display-name"
          className="show-input"
          value={draft}
          maxLength={40}
          autoComplete="nickname"
          onChange={(event) => setDraft(event.target.value)}
          placeholder="Ana"
        />
        <button type="submit" className="show-button show-button--primary">
          Join the show
        </button>
      </form>
    );
  }

  const onCheckout = (cart: CartApi) => {
    setOrder(
      `Checkout handed off: ${cart.count} item${cart.count === 1 ? '' : 's'}. (The demo has no shop behind it.)`,
    );
  };
  return (
    <>
      <ShowInterface
        serverUrl={serverUrl}
        token={token}
        server={server}
        products={products}
        showId={room}
        onCheckout={onCheckout}
        showTitle={title}
        afterShow={
          recorded ? (
            <a className="show-button show-button--primary" href={`/replay/${room}`}>
              Watch the replay
            </a>
          ) : undefined
        }
        // No seat left in the room: the recorder's live HLS takes the overflow audience.
        whenFull={
          recorded ? (
            <a className="show-button show-button--primary" href={`/watch/${room}`}>
              Watch the stream
            </a>
          ) : undefined
        }
        {...(moderator && { onMuteViewer, onUnmuteViewer })}
        className="viewer__show"
      />
      <p role="status" className="viewer__order">
        {order}
      </p>
    </>
  );
}
