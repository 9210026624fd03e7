// Feeds a LiveKit room's events into a show store, and gives the store a port to act on the room.
import {
  ConnectionState,
  DisconnectReason,
  RoomEvent,
  type RemoteParticipant,
  type Room,
} from 'livekit-client';
import type { FleetSummary } from '@show/metrics';
import { appendMessage, defaultChatLimits, mergeBySeq } from '../store/chat';
import type { ChatLimits, ChatMessage } from '../store/chat';
import { dispatchPhase, nextPhase } from '../store/phase';
import { CHAT_TOPIC, decodeMessage, REACTION_TOPIC, type ShowMessage } from '../store/protocol';
import {
  decodeServerPacket,
  personOfIdentity,
  SERVER_TOPIC,
  type ServerChatMessage,
  type ServerEvent,
} from '../store/server-protocol';
import type { ShowStore } from '../store/show-store';
import { onServerData, onTopics, type DataSender } from './data-topic';
import { createHeldMessages } from './held-messages';
import { roomFacts } from './room-facts';
import type { ShowServerClient } from './server-client';
import { authorOf, showFromRoom } from './show-from-room';
import { createShowPort } from './show-port';

export interface BindRoomOptions {
  chatLimits?: Partial<ChatLimits>;
  /** Called by the port's `retry()`. */
  onRetry?: () => void;
  now?: () => number;
  /**
   * The show's server: chat, deletes and reactions go through it, and only what it sends into the
   * room (in LiveKit's name, never a participant's) is shown. Without it, pages talk peer to peer.
   */
  server?: ShowServerClient;
}

/**
 * Listens to `room` and keeps `store` in step: phase, host, pins, chat, reactions, audio playback,
 * connection quality and chat permission. Returns a function that removes every listener it added.
 */
export function bindRoom(room: Room, store: ShowStore, options: BindRoomOptions = {}): () => void {
  const limits: ChatLimits = { ...defaultChatLimits, ...options.chatLimits };
  const now = options.now ?? Date.now;
  const { server } = options;
  let hostSeen = false;
  let leaving = false;

  /** Re-reads everything from the room: cheap, and never out of step. */
  const sync = () => {
    const state = store.getState();
    const show = showFromRoom(roomFacts(room), state, {
      hostSeen,
      serverCounts: server !== undefined,
    });
    hostSeen = show.hostSeen;
    // One update (one render) for the room's state and the phase it leads to.
    const phase = nextPhase({ phase: state.phase, error: state.error }, show.phase);
    store.setState({ ...show.patch, ...phase });
    if (show.leave && !leaving) {
      leaving = true;
      // The show is over for good: a viewer leaves the room rather than idle in it.
      void room.disconnect();
    }
  };

  // A sender this client does not know yet (see DataSender): chat and deletes wait for them.
  const held = createHeldMessages<ShowMessage>({ now });
  const receive = (message: ShowMessage, from: DataSender) => {
    if (message.type === 'reaction') {
      store.setState({ reactions: store.getState().reactions + 1 });
      return;
    }
    if (!from.participant) {
      held.hold(from.identity, message);
      return;
    }
    const author = authorOf(from.participant);
    const { messages } = store.getState();
    if (message.type === 'chat') {
      const entry: ChatMessage = { ...message, from: author, local: false };
      store.setState({ messages: appendMessage(messages, entry, limits.keep) });
    } else if (author.role !== 'viewer') {
      // Only the host and moderators may delete; their role comes from their access token.
      store.setState({ messages: messages.filter((m) => m.id !== message.id) });
    }
  };
  const onParticipantConnected = (participant: RemoteParticipant) => {
    for (const message of held.release(participant.identity)) {
      receive(message, { identity: participant.identity, participant });
    }
  };

  // What the show's server says. Messages are stamped by the server; "mine" is any tab of mine
  // (the person the server names in the history, else the one in this connection's identity).
  let knownPerson: string | undefined;
  const selfPerson = () => knownPerson ?? personOfIdentity(room.localParticipant.identity);
  // Deleted messages stay deleted, whatever a history fetched before the delete still holds.
  const deleted = new Set<string>();
  const forget = (id: string) => {
    deleted.add(id);
    if (deleted.size > 1000) deleted.delete(deleted.values().next().value as string);
  };
  // Which fields live events changed while a history request was on its way (it is older then).
  const touched = new Set<'chatMuted' | 'audience' | 'mutedIdentities'>();
  const alive = (messages: readonly ChatMessage[]) => messages.filter((m) => !deleted.has(m.id));
  const toChat = (message: ServerChatMessage): ChatMessage => ({
    id: message.id,
    seq: message.seq,
    text: message.text,
    sentAt: message.sentAt,
    from: { identity: message.from.person, name: message.from.name, role: message.from.role },
    local: message.from.person === selfPerson(),
  });
  const applyServerEvent = (event: ServerEvent) => {
    const state = store.getState();
    switch (event.type) {
      case 'chat':
        if (deleted.has(event.id)) break;
        store.setState({ messages: mergeBySeq(state.messages, [toChat(event)], limits.keep) });
        break;
      case 'chat.delete':
        forget(event.id);
        store.setState({ messages: state.messages.filter((m) => m.id !== event.id) });
        break;
      case 'reactions':
        store.setState({ reactions: state.reactions + event.count });
        break;
      case 'viewers':
        touched.add('audience');
        store.setState({ audience: event.count });
        break;
      case 'mute': {
        const others = state.mutedIdentities.filter((p) => p !== event.person);
        touched.add('mutedIdentities');
        if (event.person === selfPerson()) touched.add('chatMuted');
        store.setState({
          mutedIdentities: event.muted ? [...others, event.person].sort() : others,
          ...(event.person === selfPerson() && { chatMuted: event.muted }),
        });
        break;
      }
      case 'fleet':
        store.setState({
          metrics: { ...state.metrics, fleet: event.summary as FleetSummary },
        });
        break;
    }
  };
  let historyLoads = 0;
  const loadHistory = async () => {
    if (!server) return;
    const load = ++historyLoads;
    if (store.getState().history !== 'loaded') store.setState({ history: 'loading' });
    touched.clear();
    try {
      const history = await server.history();
      if (load !== historyLoads) return;
      if (history.person) knownPerson = history.person;
      const state = store.getState();
      const incoming = alive(history.messages.map(toChat));
      store.setState({
        history: 'loaded',
        messages: mergeBySeq(state.messages, incoming, limits.keep),
        // What events said since the request left is newer than the answer.
        ...(!touched.has('chatMuted') && { chatMuted: history.muted }),
        ...(!touched.has('audience') && { audience: history.viewers }),
        ...(history.mutedPeople &&
          !touched.has('mutedIdentities') && { mutedIdentities: [...history.mutedPeople].sort() }),
      });
    } catch {
      // Live messages still arrive; the next reconnect tries again.
      if (load === historyLoads && store.getState().history !== 'loaded') {
        store.setState({ history: 'unavailable' });
      }
    }
  };

  const onReconnecting = () => dispatchPhase(store, { type: 'reconnecting' });
  const onDisconnected = (reason?: DisconnectReason) => {
    dispatchPhase(store, {
      type: 'disconnected',
      reason:
        reason === DisconnectReason.CLIENT_INITIATED
          ? 'left'
          : reason === DisconnectReason.ROOM_DELETED
            ? 'room_deleted'
            : 'lost',
    });
  };

  store.setState({
    chatLimits: limits,
    port: createShowPort({
      room,
      store,
      limits,
      server,
      toChat,
      sync,
      onRetry: options.onRetry,
      now,
    }),
  });

  const syncEvents = [
    RoomEvent.Connected,
    RoomEvent.Reconnected,
    RoomEvent.ParticipantConnected,
    RoomEvent.ParticipantDisconnected,
    RoomEvent.ParticipantAttributesChanged,
    RoomEvent.ParticipantNameChanged,
    RoomEvent.ParticipantPermissionsChanged,
    RoomEvent.TrackSubscribed,
    RoomEvent.TrackUnsubscribed,
    RoomEvent.TrackPublished,
    RoomEvent.TrackUnpublished,
    RoomEvent.TrackMuted,
    RoomEvent.TrackUnmuted,
    RoomEvent.LocalTrackPublished,
    RoomEvent.LocalTrackUnpublished,
    RoomEvent.AudioPlaybackStatusChanged,
    RoomEvent.ConnectionQualityChanged,
  ] as const;
  for (const event of syncEvents) room.on(event, sync);
  const stopData = server
    ? onServerData(room, SERVER_TOPIC, (payload) => {
        for (const event of decodeServerPacket(payload)) applyServerEvent(event);
      })
    : onTopics(room, [CHAT_TOPIC, REACTION_TOPIC], (payload, from, topic) => {
        const message = decodeMessage(payload, limits.maxLength);
        // A reaction only on its topic, chat only on the chat topic.
        if (!message || (topic === REACTION_TOPIC) !== (message.type === 'reaction')) return;
        receive(message, from);
      });
  // Whatever was said before this page joined (or while it was reconnecting) comes from history.
  const onJoinedOrBack = () => void loadHistory();
  room.on(RoomEvent.Connected, onJoinedOrBack);
  room.on(RoomEvent.Reconnected, onJoinedOrBack);
  if (room.state === ConnectionState.Connected) onJoinedOrBack();
  room.on(RoomEvent.ParticipantConnected, onParticipantConnected);
  room.on(RoomEvent.Reconnecting, onReconnecting);
  room.on(RoomEvent.SignalReconnecting, onReconnecting);
  room.on(RoomEvent.Disconnected, onDisconnected);
  sync();

  return () => {
    for (const event of syncEvents) room.off(event, sync);
    stopData();
    room.off(RoomEvent.Connected, onJoinedOrBack);
    room.off(RoomEvent.Reconnected, onJoinedOrBack);
    room.off(RoomEvent.ParticipantConnected, onParticipantConnected);
    room.off(RoomEvent.Reconnecting, onReconnecting);
    room.off(RoomEvent.SignalReconnecting, onReconnecting);
    room.off(RoomEvent.Disconnected, onDisconnected);
    store.setState({ port: undefined });
  };
}
