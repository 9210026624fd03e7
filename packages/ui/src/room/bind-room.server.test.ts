// bindRoom with a show server, on a stand-in for LiveKit's Room: what the server sends, what the
// history says, and the races between them.
import { EventEmitter } from 'node:events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { describe, expect, test } from 'vitest';
import type { ServerChatMessage, ServerEvent, ServerHistory } from '../store/server-protocol';
import { ShowActionError } from '../store/show-action-error';
import { createShowStore } from '../store/show-store';
import { bindRoom } from './bind-room';
import type { ShowServerClient } from './server-client';

const ME = 'm'.repeat(22);

function fakeRoom(identity = `${ME}.connection1`) {
  const emitter = new EventEmitter();
  const room = Object.assign(emitter, {
    state: ConnectionState.Connected,
    canPlaybackAudio: true,
    remoteParticipants: new Map(),
    localParticipant: {
      identity,
      name: 'Me',
      attributes: { 'show.role': 'viewer' },
      permissions: { canPublishData: false },
      connectionQuality: 'excellent',
      getTrackPublication: () => undefined,
    },
    disconnect: async () => {},
  });
  /** What LiveKit hands the page for a packet the server sent (no participant, no identity). */
  const serverSends = (...events: ServerEvent[]) =>
    emitter.emit(
      RoomEvent.DataReceived,
      new TextEncoder().encode(JSON.stringify({ v: 1, events })),
      undefined,
      0,
      'show.events',
      undefined,
      '',
    );
  return { room: room as unknown as Room, emitter, serverSends };
}

const chat = (id: string, seq: number, person = 'p'.repeat(22)): ServerChatMessage => ({
  id,
  seq,
  text: `text ${id}`,
  sentAt: seq,
  from: { person, name: 'Pat', role: 'viewer' },
});

/** A server whose history answers when the test says so. */
function fakeServer(overrides: Partial<ShowServerClient> = {}) {
  const pending: Array<(history: ServerHistory) => void> = [];
  const sent: Array<{ text: string; id: string }> = [];
  const server: ShowServerClient = {
    history: () => new Promise((resolve) => pending.push(resolve)),
    sendChat: async (text, id) => {
      sent.push({ text, id });
      return { ...chat(id, 100 + sent.length, ME), text };
    },
    deleteMessage: async () => {},
    setMuted: async () => {},
    setPins: async () => {},
    react: async () => {},
    report: async () => {},
    sendEvents: async () => {},
    ...overrides,
  };
  const answer = async (history: Partial<ServerHistory>) => {
    pending.shift()?.({ messages: [], muted: false, viewers: 0, ...history });
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { server, answer, sent };
}

describe('bindRoom with a show server', () => {
  test('history and live messages merge in order; a delete that raced the history stays deleted', async () => {
    const { room, serverSends } = fakeRoom();
    const { server, answer } = fakeServer();
    const store = createShowStore();
    const unbind = bindRoom(room, store, { server });
    expect(store.getState().history).toBe('loading');
    serverSends({ type: 'chat', ...chat('c', 3) }, { type: 'chat.delete', id: 'b' });
    // The history was read before the delete: it still holds b.
    await answer({ messages: [chat('a', 1), chat('b', 2), chat('c', 3)], viewers: 4 });
    const state = store.getState();
    expect(state.history).toBe('loaded');
    expect(state.messages.map((m) => m.id)).toEqual(['a', 'c']);
    expect(state.audience).toBe(4);
    unbind();
  });

  test('counts and mutes that events changed after the request are newer than the history', async () => {
    const { room, serverSends } = fakeRoom();
    const { server, answer } = fakeServer();
    const store = createShowStore();
    bindRoom(room, store, { server });
    serverSends({ type: 'viewers', count: 9 }, { type: 'mute', person: ME, muted: true });
    await answer({ viewers: 7, muted: false });
    expect(store.getState()).toMatchObject({ audience: 9, chatMuted: true });
  });

  test('only packets without a sender count: a participant’s forgery is ignored', () => {
    const { room, emitter } = fakeRoom();
    const store = createShowStore();
    bindRoom(room, store, { server: fakeServer().server });
    const forged = new TextEncoder().encode(
      JSON.stringify({ v: 1, events: [{ type: 'chat', ...chat('x', 1) }] }),
    );
    emitter.emit(RoomEvent.DataReceived, forged, undefined, 0, 'show.events', undefined, 'mallory');
    emitter.emit(RoomEvent.DataReceived, forged, { identity: 'host' }, 0, 'show.events');
    expect(store.getState().messages).toEqual([]);
  });

  test('my messages are mine in every tab, as the server names my person', async () => {
    const { room, serverSends } = fakeRoom('host');
    const { server, answer } = fakeServer();
    const store = createShowStore();
    bindRoom(room, store, { server });
    await answer({ person: ME, messages: [chat('old', 1, ME)] });
    serverSends({ type: 'chat', ...chat('new', 2, ME) }, { type: 'chat', ...chat('theirs', 3) });
    expect(store.getState().messages.map((m) => [m.id, m.local])).toEqual([
      ['old', true],
      ['new', true],
      ['theirs', false],
    ]);
  });

  test('a message the server did not answer for keeps its id when sent again', async () => {
    const { room } = fakeRoom();
    let fail = true;
    const ids: string[] = [];
    const { server } = fakeServer({
      sendChat: async (text, id) => {
        ids.push(id);
        if (fail)
          throw new ShowActionError('unreachable', 'down', { refusal: { reason: 'unreachable' } });
        return { ...chat(id, 5, ME), text };
      },
    });
    const store = createShowStore();
    bindRoom(room, store, { server });
    const port = store.getState().port;
    expect(await port?.sendChat('Is it silk?')).toEqual({
      ok: false,
      refusal: { reason: 'unreachable' },
    });
    fail = false;
    await port?.sendChat('Is it silk?');
    await port?.sendChat('Is it silk?');
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
    // The live echo of a message already shown as sent does not make it someone else's.
    expect(store.getState().messages.every((m) => m.local)).toBe(true);
  });
});
