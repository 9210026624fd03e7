import 'server-only';
import type { ShowServer } from '@show/server';
import { readConfig } from './config';
import { demoServer } from './show-server';

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

/** The show server, or a JSON 503 saying why not (never the reason's details). */
async function withServer(work: (show: ShowServer) => Promise<Response>): Promise<Response> {
  const result = readConfig();
  if (!result.ok) return notConfigured();
  let show: ShowServer;
  try {
    show = (await demoServer(result.config)).show;
  } catch (error) {
    console.error('show server:', error instanceof Error ? error.message : 'error');
    return unavailable();
  }
  return work(show);
}

type Room = { params: Promise<{ room: string }> };

/** A Next route for one of the show server's handlers that takes (request). */
export function route(pick: (show: ShowServer) => (request: Request) => Promise<Response>) {
  return (request: Request) => withServer((show) => pick(show)(request));
}

/** A Next route for a handler that takes (request, room) from `/api/shows/[room]/…`. */
export function roomRoute(
  pick: (show: ShowServer) => (request: Request, room: string) => Promise<Response>,
) {
  return async (request: Request, { params }: Room) => {
    const { room } = await params;
    return withServer((show) => pick(show)(request, room));
  };
}
