import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';

/** Who sent a data message. */
export interface DataSender {
  identity: string;
  /**
   * Undefined while this client does not know the sender yet: LiveKit's server announces
   * participants who only watch in batches (every 3 s), so their first messages can come first.
   */
  participant: RemoteParticipant | undefined;
}

/**
 * Calls `handler` for data messages on one of `topics` that came from a participant (not the
 * server), including participants this client has not heard of yet. Returns a function that stops
 * listening.
 */
export function onTopics(
  room: Room,
  topics: readonly string[],
  handler: (payload: Uint8Array, from: DataSender, topic: string) => void,
): () => void {
  const listener = (
    payload: Uint8Array,
    participant?: RemoteParticipant,
    _kind?: unknown,
    topic?: string,
    _encryption?: unknown,
    senderIdentity?: string,
  ) => {
    const identity = participant?.identity ?? senderIdentity;
    if (identity && topic !== undefined && topics.includes(topic))
      handler(payload, { identity, participant }, topic);
  };
  room.on(RoomEvent.DataReceived, listener);
  return () => void room.off(RoomEvent.DataReceived, listener);
}

/**
 * Calls `handler` for data on `topic` that LiveKit delivers with no sender: only the app's server
 * (LiveKit's SendData) can send that; a participant's packet always carries its identity.
 */
export function onServerData(
  room: Room,
  topic: string,
  handler: (payload: Uint8Array) => void,
): () => void {
  const listener = (
    payload: Uint8Array,
    participant?: RemoteParticipant,
    _kind?: unknown,
    packetTopic?: string,
    _encryption?: unknown,
    senderIdentity?: string,
  ) => {
    if (packetTopic === topic && !participant && !senderIdentity) handler(payload);
  };
  room.on(RoomEvent.DataReceived, listener);
  return () => void room.off(RoomEvent.DataReceived, listener);
}
