// `POST { identity, report }`: a viewer's stream figures. At most one per connection per interval,
// a few connections per person, and only for the caller's own connections.
import { parseViewerReport } from '@show/metrics';
import { acceptPost, joinedCaller, takeOrRefuse, type ShowServerContext } from '../context';
import { json, readJsonObject } from '../http';
import { personOf } from '../identity';
import type { ReportRelay } from '../report-relay';
import { staffKey } from './webhook';
import { ShowServerError } from '../server-error';

const MAX_BODY_BYTES = 1024;

export async function receiveReport(
  context: ShowServerContext,
  relay: ReportRelay,
  request: Request,
  room: string,
): Promise<Response> {
  await acceptPost(context, request, room);
  const caller = await joinedCaller(context, request);
  const body = await readJsonObject(request, MAX_BODY_BYTES);
  // Only for the caller's own connections, and counted only for one LiveKit says is in the show
  // (made-up connections of one's own would multiply one viewer's say). A connection the server
  // does not know yet (its join not yet heard, or the SFU just restarted) is not an error: the
  // report is dropped and the page is told so.
  const identity = body.identity;
  const person = caller.person.id;
  if (typeof identity !== 'string' || personOf(identity) !== person) {
    throw new ShowServerError('forbidden', 'Report only for your own connection.');
  }
  const inShow = async (key: string) =>
    (await context.hot.presence.connections(key, person)).includes(identity);
  if (!(await inShow(room)) && !(await inShow(staffKey(room)))) {
    return json({ accepted: false, reason: 'unknown_connection' }, 202);
  }
  const parsed = parseViewerReport(body.report);
  if (!parsed.ok) throw new ShowServerError('invalid_request', parsed.error.message);
  await takeOrRefuse(context.limits.reportsPerConnection, `${room}:${identity}`, 'reports');
  await takeOrRefuse(context.limits.reportsPerPerson, `${room}:${person}`, 'reports');
  relay.ingest(room, parsed.report, await context.hot.presence.count(room), context.now());
  return json({ accepted: true }, 202);
}
