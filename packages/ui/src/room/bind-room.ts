// Feeds a LiveKit room's events into a show store, and gives the store a port to act on the room.
import {
  ConnectionState,
  DisconnectReason,
  RoomEvent,
  Track,
  type Participant,
  type RemoteParticipant,
  type Room,
  type TrackPublication,
} from 'livekit-client';
import {
  appendMessage,
  checkDraft,
  createRateLimiter,
  defaultChatLimits,
  mergeBySeq,
  messageId,
} from '../store/chat';
import type { ChatAuthor, ChatLimits, ChatMessage } from '../store/chat';
import {
  CHAT_TOPIC,
  decodeHostStatus,
  decodeMessage,
  decodePins,
  decodeRole,
  encodeMessage,
  encodePins,
  MAX_PINS,
  PINS_ATTRIBUTE,
  REACTION_TOPIC,
  ROLE_ATTRIBUTE,
  STATUS_ATTRIBUTE,
  type ShowMessage,
} from '../store/protocol';
import {
  decodeServerPacket,
  personOfIdentity,
  SERVER_TOPIC,
  type ServerChatMessage,
  type ServerEvent,
} from '../store/server-protocol';
import type { AttachableTrack, HostView, ShowPhase, ShowStore } from '../store/show-store';
import { ShowActionError } from '../store/show-action-error';
import type { FleetSummary } from '@show/metrics';
import { onServerData, onTopics, type DataSender } from './data-topic';
import { createHeldMessages } from './held-messages';
import type { ShowServerClient } from './server-client';

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

export function authorOf(participant: Participant): ChatAuthor {
  return {
    identity: participant.identity,
    name: participant.name || participant.identity,
    role: decodeRole(participant.attributes[ROLE_ATTRIBUTE]),
  };
}

function sameAuthor(a: ChatAuthor | undefined, b: ChatAuthor): boolean {
  return a !== undefined && a.identity === b.identity && a.name === b.name && a.role === b.role;
}

function sameHost(a: HostView | undefined, b: HostView | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(b) as Array<keyof HostView>).every((key) => a[key] === b[key]);
}

function trackOf(participant: Participant, source: Track.Source): AttachableTrack | undefined {
  const publication: TrackPublication | undefined = participant.getTrackPublication(source);
  if (!publication || publication.isMuted) return undefined;
  return publication.videoTrack;
}

/**
 * Listens to `room` and keeps `store` in step: phase, host, pins, chat, reactions, audio playback,
 * connection quality and chat permission. Returns a function that removes every listener it added.
 */
export function bindRoom(room: Room, store: ShowStore, options: BindRoomOptions = {}): () => void {
  const limits = { ...defaultChatLimits, ...options.chatLimits };
  const now = options.now ?? Date.now;
  const limiter = createRateLimiter(limits);
  const { server } = options;
  let hostSeen = false;
  let ended = false;

  const self = () => authorOf(room.localParticipant);
  const findHost = (): Participant | undefined => {
    if (self().role === 'host') return room.localParticipant;
    for (const participant of room.remoteParticipants.values()) {
      if (decodeRole(participant.attributes[ROLE_ATTRIBUTE]) === 'host') return participant;
    }
    return undefined;
  };

  const hostView = (host: Participant | undefined): HostView | undefined =>
    host && {
      ...authorOf(host),
      status: decodeHostStatus(host.attributes[STATUS_ATTRIBUTE]),
      camera: trackOf(host, Track.Source.Camera),
      screen: trackOf(host, Track.Source.ScreenShare),
      microphone: host.getTrackPublication(Track.Source.Microphone) !== undefined,
    };

  const phaseFor = (host: HostView | undefined): ShowPhase => {
    if (ended || host?.status === 'ended') return 'ended';
    if (host?.status === 'live') return 'live';
    if (!host && hostSeen && self().role !== 'host') return 'host-left';
    return 'waiting';
  };

  /** Re-reads everything from the room: cheap, and never out of step. */
  const sync = () => {
    const host = findHost();
    if (host && host !== room.localParticipant) hostSeen = true;
    const view = hostView(host);
    if (view?.status === 'ended' && !ended) {
      ended = true;
      // The show is over for good: a viewer leaves the room rather than idle in it.
      if (self().role !== 'host') void room.disconnect();
    }
    let audience = 0;
    const muted: string[] = [];
    for (const participant of room.remoteParticipants.values()) {
      if (participant !== host) audience++;
      if (participant.permissions?.canPublishData === false) muted.push(participant.identity);
    }
    muted.sort();
    const state = store.getState();
    const connected = room.state === ConnectionState.Connected;
    // Unchanged values keep their identity, so components selecting them do not re-render.
    const me = self();
    const pins = decodePins(host?.attributes[PINS_ATTRIBUTE]);
    store.setState({
      self: sameAuthor(state.self, me) ? state.self : me,
      host: sameHost(state.host, view) ? state.host : view,
      pinnedIds: pins.join('\u0000') === state.pinnedIds.join('\u0000') ? state.pinnedIds : pins,
      // With a show server, viewers are hidden: the count, mutes and this page's own mute are the
      // server's (see applyServerEvent), not what LiveKit shows this page.
      ...(!server && {
        audience,
        chatMuted: room.localParticipant.permissions?.canPublishData === false,
        mutedIdentities:
          muted.join('\u0000') === state.mutedIdentities.join('\u0000')
            ? state.mutedIdentities
            : muted,
      }),
      audioBlocked: !room.canPlaybackAudio,
      quality: room.localParticipant.connectionQuality,
      ...(connected ? { phase: phaseFor(view), error: undefined } : {}),
      ...(state.phase === 'idle' && !connected ? { phase: 'connecting' as const } : {}),
    });
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
  /** The last message the server did not answer for: sent again, it keeps its id. */
  let unsent: { text: string; id: string } | undefined;
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

  const onReconnecting = () => store.setState({ phase: 'reconnecting' });
  const onDisconnected = (reason?: DisconnectReason) => {
    if (reason === DisconnectReason.CLIENT_INITIATED) {
      store.setState({ phase: ended ? 'ended' : 'idle' });
    } else if (reason === DisconnectReason.ROOM_DELETED || ended) {
      ended = true;
      store.setState({ phase: 'ended' });
    } else {
      store.setState({
        phase: 'error',
        error: { code: 'disconnected', message: 'The connection to the show was lost.' },
      });
    }
  };

  const publish = async (topic: string, message: ShowMessage, reliable: boolean) => {
    if (room.state !== ConnectionState.Connected) {
      throw new ShowActionError('offline', 'Not connected to the show.');
    }
    await room.localParticipant.publishData(encodeMessage(message), { topic, reliable });
  };

  store.setState({
    port: {
      async sendChat(draft) {
        if (store.getState().chatMuted)
          throw new ShowActionError('muted', 'Chat is muted for you.', {
            refusal: { reason: 'muted' },
          });
        const checked = checkDraft(draft, limits);
        if (!('text' in checked)) {
          throw new ShowActionError(checked.reason, 'The message cannot be sent.', {
            refusal: checked,
          });
        }
        if (server) {
          // The server limits and stamps; its refusals (too fast, muted, unreachable) reach the UI.
          // A retry of a message that may have arrived keeps its id: the server stores it once.
          const id = unsent?.text === checked.text ? unsent.id : messageId();
          unsent = { text: checked.text, id };
          const stored = await server.sendChat(checked.text, id).catch((error: unknown) => {
            if (!(error instanceof ShowActionError && error.code === 'unreachable'))
              unsent = undefined;
            throw error;
          });
          unsent = undefined;
          const { messages } = store.getState();
          store.setState({
            messages: mergeBySeq(messages, [{ ...toChat(stored), local: true }], limits.keep),
          });
          return;
        }
        const allowed = limiter.take(now());
        if (!allowed.ok) {
          throw new ShowActionError('rate_limited', 'Too many messages.', {
            refusal: {
              reason: 'rate_limited',
              retryInMs: allowed.retryInMs,
            },
          });
        }
        const message = {
          type: 'chat',
          id: messageId(),
          text: checked.text,
          sentAt: now(),
        } as const;
        await publish(CHAT_TOPIC, message, true);
        const entry: ChatMessage = { ...message, from: self(), local: true };
        store.setState({ messages: appendMessage(store.getState().messages, entry, limits.keep) });
      },
      async deleteMessage(id) {
        if (self().role === 'viewer') {
          throw new ShowActionError('forbidden', 'Only the host and moderators delete messages.');
        }
        if (server) await server.deleteMessage(id);
        else await publish(CHAT_TOPIC, { type: 'chat.delete', id }, true);
        store.setState({ messages: store.getState().messages.filter((m) => m.id !== id) });
      },
      async react() {
        if (server) {
          // Counted when the server's summed count comes back, like everyone else's taps.
          await server.react();
          return;
        }
        await publish(REACTION_TOPIC, { type: 'reaction' }, false);
        store.setState({ reactions: store.getState().reactions + 1 });
      },
      async setPins(ids) {
        if (self().role !== 'host') throw new ShowActionError('forbidden', 'Only the host pins.');
        const unique = [...new Set(ids)];
        if (unique.length > MAX_PINS) {
          throw new ShowActionError('too_many_pins', `At most ${MAX_PINS} products can be pinned.`);
        }
        if (server) await server.setPins(unique);
        else await room.localParticipant.setAttributes({ [PINS_ATTRIBUTE]: encodePins(unique) });
        sync();
      },
      startAudio: () => room.startAudio(),
      retry: () => options.onRetry?.(),
    },
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

/** Host only: marks the show ended for every viewer (they read it from the host's attributes). */
export async function announceStatus(room: Room, status: 'preview' | 'live' | 'ended') {
  await room.localParticipant.setAttributes({ [STATUS_ATTRIBUTE]: status });
}
