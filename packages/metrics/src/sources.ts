import type { RtcStatLike, StatsReportLike } from './stats-report';

/** Where a room or connection stands, as a person should read it. */
export type ConnectionState =
  'connecting' | 'connected' | 'reconnecting' | 'signal-reconnecting' | 'disconnected';

/** LiveKit's connection quality levels. */
export type ConnectionQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface SourceState {
  connectionState: ConnectionState | undefined;
  /** Why the connection ended, when it did (LiveKit's DisconnectReason name or a browser state). */
  disconnectReason: string | undefined;
  /** LiveKit's own estimate for the local participant. */
  quality: ConnectionQuality | undefined;
}

/** Anything the collector can poll: one `getStats()` per connection per tick. */
export interface StatsSource {
  getStats(): Promise<StatsReportLike>;
  state(): SourceState;
  /** Stops listening to the underlying object. */
  dispose?(): void;
}

const PC_STATES: Record<string, ConnectionState> = {
  new: 'connecting',
  connecting: 'connecting',
  connected: 'connected',
  disconnected: 'reconnecting',
  failed: 'disconnected',
  closed: 'disconnected',
};

/** A plain RTCPeerConnection. */
export function fromPeerConnection(
  pc: Pick<RTCPeerConnection, 'getStats' | 'connectionState'>,
): StatsSource {
  return {
    getStats: () => pc.getStats(),
    state: () => ({
      connectionState: PC_STATES[pc.connectionState],
      disconnectReason:
        pc.connectionState === 'failed' || pc.connectionState === 'closed'
          ? pc.connectionState
          : undefined,
      quality: undefined,
    }),
  };
}

/** The parts of livekit-client's Room this reads; structural, so this package needs no dependency. */
export interface LiveKitRoomLike {
  readonly state: string;
  readonly engine?: {
    readonly pcManager?:
      | {
          readonly publisher?: { getStats(): Promise<RTCStatsReport> | undefined } | undefined;
          readonly subscriber?: { getStats(): Promise<RTCStatsReport> | undefined } | undefined;
        }
      | undefined;
  };
  readonly localParticipant: { readonly connectionQuality: string };
  on(event: 'disconnected', listener: (reason?: number) => void): unknown;
  off(event: 'disconnected', listener: (reason?: number) => void): unknown;
}

const ROOM_STATES: Record<string, ConnectionState> = {
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  signalReconnecting: 'signal-reconnecting',
  disconnected: 'disconnected',
};

// livekit-client's DisconnectReason values (from LiveKit's protocol), by number.
const DISCONNECT_REASONS = [
  'unknown',
  'client-initiated',
  'duplicate-identity',
  'server-shutdown',
  'participant-removed',
  'room-deleted',
  'state-mismatch',
  'join-failure',
  'migration',
  'signal-close',
  'room-closed',
  'user-unavailable',
  'user-rejected',
  'sip-trunk-failure',
  'connection-timeout',
  'media-failure',
  'agent-error',
];

const QUALITIES = new Set<string>(['excellent', 'good', 'poor', 'lost', 'unknown']);

/**
 * A livekit-client Room: one `getStats()` per peer connection per tick (one connection in
 * livekit-client's single-connection mode, two otherwise), merged into one report.
 */
export function fromLiveKitRoom(room: LiveKitRoomLike): StatsSource {
  let disconnectReason: string | undefined;
  const onDisconnected = (reason?: number) => {
    disconnectReason =
      reason === undefined ? 'unknown' : (DISCONNECT_REASONS[reason] ?? `reason-${reason}`);
  };
  room.on('disconnected', onDisconnected);

  return {
    async getStats() {
      const manager = room.engine?.pcManager;
      const transports = [
        ['publisher', manager?.publisher],
        ['subscriber', manager?.subscriber],
      ] as const;
      const reports: Array<[string, RTCStatsReport]> = [];
      await Promise.all(
        transports.map(async ([name, transport]) => {
          const report = await transport?.getStats();
          if (report) reports.push([name, report]);
        }),
      );
      if (reports.length === 1) return reports[0]?.[1] as RTCStatsReport;
      return mergeReports(reports);
    },
    state: () => {
      const connectionState = ROOM_STATES[room.state];
      const quality = room.localParticipant.connectionQuality;
      return {
        connectionState,
        disconnectReason: connectionState === 'disconnected' ? disconnectReason : undefined,
        quality: QUALITIES.has(quality) ? (quality as ConnectionQuality) : undefined,
      };
    },
    dispose: () => {
      room.off('disconnected', onDisconnected);
    },
  };
}

const REFERENCES = [
  'localId',
  'remoteId',
  'selectedCandidatePairId',
  'transportId',
  'localCandidateId',
  'remoteCandidateId',
  'codecId',
  'mediaSourceId',
];

/** Ids are only unique within one connection: prefix them, and the ids stats refer to. */
export function mergeReports(reports: Iterable<[string, StatsReportLike]>): RtcStatLike[] {
  const merged: RtcStatLike[] = [];
  for (const [prefix, report] of reports) {
    const items =
      'values' in report && typeof report.values === 'function'
        ? report.values()
        : (report as Iterable<unknown>);
    for (const item of items) {
      const stat = item as RtcStatLike;
      if (typeof stat?.id !== 'string') continue;
      const copy: Record<string, unknown> = { ...stat, id: `${prefix}:${stat.id}` };
      for (const key of REFERENCES) {
        if (typeof stat[key] === 'string') copy[key] = `${prefix}:${stat[key] as string}`;
      }
      merged.push(copy as RtcStatLike);
    }
  }
  return merged;
}
