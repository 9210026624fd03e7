import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';

/**
 * Calls `handler` for data messages on one of `topics` that came from a participant (not the
 * server). Returns a function that stops listening.
 */
export function onTopics(
  room: Room,
  topics: readonly string[],
  handler: (payload: Uint8Array, from: RemoteParticipant, topic: string) => void,
): () => void {
  const listener = (
    payload: Uint8Array,
    participant?: RemoteParticipant,
    _kind?: unknown,
    topic?: string,
  ) => {
    if (participant && topic !== undefined && topics.includes(topic))
      handler(payload, participant, topic);
  };
  room.on(RoomEvent.DataReceived, listener);
  return () => void room.off(RoomEvent.DataReceived, listener);
}
