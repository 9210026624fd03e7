import { num, ofType, str, type RtcStatLike, type StatsIndex } from './stats-report';

/** The network path itself, from ICE (kept apart from RTCP round-trip times). */
export interface ConnectionFigures {
  /** ICE (STUN consent) round-trip time of the selected candidate pair; mean over connections. */
  rttMs: number | undefined;
  /** The sender's bandwidth estimate for everything it sends. */
  availableOutgoingBitrateBps: number | undefined;
  availableIncomingBitrateBps: number | undefined;
}

export function computeConnection(current: StatsIndex): ConnectionFigures {
  const rtts: number[] = [];
  let outgoing: number | undefined;
  let incoming: number | undefined;
  for (const pair of selectedPairs(current)) {
    const rtt = num(pair, 'currentRoundTripTime');
    if (rtt !== undefined) rtts.push(rtt * 1000);
    const out = num(pair, 'availableOutgoingBitrate');
    if (out !== undefined) outgoing = Math.max(outgoing ?? 0, out);
    const inc = num(pair, 'availableIncomingBitrate');
    if (inc !== undefined) incoming = Math.max(incoming ?? 0, inc);
  }
  return {
    rttMs: rtts.length > 0 ? rtts.reduce((a, b) => a + b, 0) / rtts.length : undefined,
    availableOutgoingBitrateBps: outgoing,
    availableIncomingBitrateBps: incoming,
  };
}

/** The pair each transport selected; without transport stats, the nominated succeeded pairs. */
function selectedPairs(index: StatsIndex): RtcStatLike[] {
  const transports = ofType(index, 'transport');
  const chosen = transports
    .map((transport) => index.get(str(transport, 'selectedCandidatePairId') ?? ''))
    .filter((pair): pair is RtcStatLike => pair !== undefined);
  if (chosen.length > 0) return chosen;
  return ofType(index, 'candidate-pair').filter(
    (pair) => pair.nominated === true && pair.state === 'succeeded',
  );
}
