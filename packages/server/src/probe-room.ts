// show-doctor's webhook probe: it creates a room named `show-doctor-…` with the room service; when
// an app instance receives LiveKit's `room_started` for it, the instance writes the room's metadata
// back through the room service, and the doctor reads it. That proves the whole loop a show needs:
// LiveKit reaches the app's webhook URL, the signature checks out, and the app reaches LiveKit.
export const PROBE_ROOM_PREFIX = 'show-doctor-';

export function isProbeRoom(room: string): boolean {
  return room.startsWith(PROBE_ROOM_PREFIX);
}

/** What the app writes into the probe room's metadata. */
export interface ProbeAnswer {
  webhook: 'received';
  /** From LiveKit's `createdAt` to the app's receipt, when LiveKit said. */
  lagMs?: number;
}

export function readProbeAnswer(metadata: string): ProbeAnswer | undefined {
  try {
    const answer = JSON.parse(metadata) as Partial<ProbeAnswer>;
    return answer.webhook === 'received' ? (answer as ProbeAnswer) : undefined;
  } catch {
    return undefined;
  }
}
