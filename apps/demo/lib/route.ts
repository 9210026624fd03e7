import 'server-only';
import type { ShowServer } from '@show/server';
import { readConfig, type DemoConfig } from './config';
import { log } from './log';
import { demoServer, type DemoServer } from './show-server';

const notConfigured = () =>
  Response.json(
    { error: { code: 'not_configured', message: 'The show server is not configured.' } },
    { status: 503, headers: { 'Cache-Control': 'no-store' } },
  );
const unavailable = () =>
  Response.json(
    { error: { code: 'storage_unavailable', message: 'The show cannot be reached right now.' } },
    { status: 503, headers: { 'Cache-Control': 'no-store' } },
  );

const REQUEST_ID = /^[\w.-]{8,64}$/;

/**
 * The request's id: the one a trusted proxy set (`X-Request-Id`), else a new one. A client's own
 * header is not believed when no proxy is trusted (it could be anything, and would go in the log).
 */
function requestId(request: Request, config: DemoConfig | undefined): string {
  const given = request.headers.get('x-request-id');
  if (config && config.trustedProxyHops > 0 && given && REQUEST_ID.test(given)) return given;
  return crypto.randomUUID();
}

/**
 * The demo server, or a JSON 503 saying why not (never the reason's details). Every request is
 * logged once, as JSON, with its id (also sent back as `X-Request-Id`), route, room and answer.
 */
async function withServer(
  request: Request,
  room: string | undefined,
  work: (server: DemoServer) => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const result = readConfig();
  const id = requestId(request, result.ok ? result.config : undefined);
  let response: Response;
  if (!result.ok) {
    response = notConfigured();
  } else {
    let server: DemoServer | undefined;
    try {
      server = await demoServer(result.config);
    } catch (error) {
      log().error({ err: error, requestId: id }, 'show server unavailable');
    }
    response = server ? await work(server) : unavailable();
  }
  const path = new URL(request.url).pathname;
  const entry = {
    requestId: id,
    method: request.method,
    path,
    ...(room !== undefined && { room }),
    status: response.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
  if (response.status >= 500) log().warn(entry, 'request failed');
  else log().info(entry, 'request');
  response.headers.set('X-Request-Id', id);
  return response;
}

type Room = { params: Promise<{ room: string }> };

/** A Next route for one of the show server's handlers that takes (request). */
export function route(pick: (show: ShowServer) => (request: Request) => Promise<Response>) {
  return (request: Request) => withServer(request, undefined, ({ show }) => pick(show)(request));
}

/** A Next route for a handler that takes (request, room) from `/api/shows/[room]/…`. */
export function roomRoute(
  pick: (show: ShowServer) => (request: Request, room: string) => Promise<Response>,
) {
  return async (request: Request, { params }: Room) => {
    const { room } = await params;
    return withServer(request, room, ({ show }) => pick(show)(request, room));
  };
}

type RecordingFile = { params: Promise<{ room: string; id: string; file: string[] }> };

const noRecordings = () =>
  Response.json(
    { error: { code: 'not_found', message: 'Shows are not recorded here.' } },
    { status: 404, headers: { 'Cache-Control': 'no-store' } },
  );

/** `GET /api/recordings/:room/:id/<file>`: a recording's MP4 or HLS files (404 when off). */
export async function recordingRoute(request: Request, { params }: RecordingFile) {
  const { room, id, file } = await params;
  return withServer(request, room, async ({ recordings }) =>
    recordings
      ? recordings.files(request, { room, recordingId: id, file: file.join('/') })
      : noRecordings(),
  );
}

/** `GET /api/metrics`: this process's Prometheus metrics, for a bearer of SHOW_METRICS_TOKEN. */
export const metricsRoute = (request: Request) =>
  withServer(request, undefined, ({ metrics }) => metrics.handler(request));
