// Who a participant is to the show, from what LiveKit says about them: the host, staff
// (moderators, a second host), a machine (a recorder, an agent: LiveKit's participant kind), or
// the audience, the only ones counted as viewers. Webhooks and the reconciler both ask here.
import { ROLE_ATTRIBUTE } from '@show/token';
import { HOST_IDENTITY } from './identity';

export type Seat = 'host' | 'staff' | 'machine' | 'audience';

/** LiveKit's kinds (as its JSON names them) of participants that are not people watching. */
const MACHINES = new Set(['EGRESS', 'AGENT']);

export function seatOf(participant: {
  identity: string;
  kind?: string | undefined;
  attributes?: Record<string, string> | undefined;
}): Seat {
  if (participant.identity === HOST_IDENTITY) return 'host';
  if (participant.kind && MACHINES.has(participant.kind.toUpperCase())) return 'machine';
  const role = participant.attributes?.[ROLE_ATTRIBUTE];
  return role === 'host' || role === 'moderator' ? 'staff' : 'audience';
}
