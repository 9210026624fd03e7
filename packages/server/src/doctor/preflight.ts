// Before a show: does the deployment work from the outside, the way a host and viewers need it?
// Each check says, in one line, what it found and what to do. `show-doctor` prints them.
import { randomBytes } from 'node:crypto';
import { connect, type PeerCertificate } from 'node:tls';
import { createRoomService, createTokenMinter, isTokenError, type RoomService } from '@show/token';
import { PROBE_ROOM_PREFIX, readProbeAnswer } from '../probe-room';
import { stunBinding, tcpConnect } from './reachability';

export interface PreflightOptions {
  /** What browsers connect to: `wss://…` (or `ws://` for a machine of your own). */
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The app's public URL, `https://…`: its `/api/health` must answer. */
  appUrl?: string | undefined;
  /**
   * Fewer days than this before the certificate expires is a failure (default 14), or less than a
   * third of its lifetime for short-lived certificates (a proxy's own CA renews them every hours).
   */
  minCertificateDays?: number;
  /** More clock difference than this with the servers is a failure (default 30 s). */
  maxClockSkewSeconds?: number;
  /**
   * Waits this long for the app to receive the probe room's webhook (default 10 s). The app must
   * run `@show/server` with a room service (its answer is written into the room's metadata).
   */
  webhookTimeoutMs?: number;
  /** `host:port` of a LiveKit node's ICE/TCP port (`rtc.tcp_port`), for networks that block UDP. */
  tcp?: string | undefined;
  /** `host:port` of the TURN server over UDP (`turn.udp_port`, or your own TURN). */
  turn?: string | undefined;
  fetch?: typeof fetch;
  /** Reads the certificate a TLS server presents; the default connects with Node's trust store. */
  peerCertificate?(host: string, port: number): Promise<CertificateFacts>;
  now?(): number;
}

export interface CertificateFacts {
  /** Whether Node's trust store (plus NODE_EXTRA_CA_CERTS) accepts it for this host. */
  trusted: boolean;
  /** Why not, when it is not. */
  problem?: string | undefined;
  validFrom: Date;
  validTo: Date;
}

export interface PreflightCheck {
  name: string;
  ok: boolean;
  /** What was found, or what to do about it. */
  detail: string;
}

const DAY_MS = 86_400_000;

/** Runs every check (none stops the others) and returns them in order. */
export async function preflight(options: PreflightOptions): Promise<PreflightCheck[]> {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const minDays = options.minCertificateDays ?? 14;
  const maxSkew = options.maxClockSkewSeconds ?? 30;
  const checks: PreflightCheck[] = [];
  const dates: Array<{ where: string; date: string }> = [];

  let livekit: URL | undefined;
  try {
    livekit = new URL(options.livekitUrl);
  } catch {
    checks.push({ name: 'LiveKit URL', ok: false, detail: `${options.livekitUrl} is not a URL.` });
  }
  const https = livekit && new URL(livekit.href.replace(/^ws/, 'http'));

  if (livekit && https) {
    // 1. Browsers on an https page refuse ws://, and need a certificate they trust.
    if (livekit.protocol !== 'wss:') {
      checks.push({
        name: 'LiveKit over TLS',
        ok: false,
        detail: `${livekit.protocol}// is not encrypted: browsers on an https page refuse it. Serve LiveKit as wss:// (a TLS proxy in front, docs/deploy.md).`,
      });
    } else {
      const port = Number(https.port || 443);
      try {
        const certificate = await (options.peerCertificate ?? peerCertificate)(
          https.hostname,
          port,
        );
        const left = certificate.validTo.getTime() - now();
        const lifetime = certificate.validTo.getTime() - certificate.validFrom.getTime();
        const enough = Math.min(minDays * DAY_MS, lifetime / 3);
        checks.push(
          !certificate.trusted
            ? {
                name: 'LiveKit over TLS',
                ok: false,
                detail: `the certificate of ${https.host} is not trusted (${certificate.problem ?? 'unknown reason'}).`,
              }
            : left < enough
              ? {
                  name: 'LiveKit over TLS',
                  ok: false,
                  detail: `the certificate of ${https.host} expires in ${span(left)}: renew it before the show.`,
                }
              : {
                  name: 'LiveKit over TLS',
                  ok: true,
                  detail: `${https.host} presents a trusted certificate, valid for ${span(left)} more.`,
                },
        );
      } catch (error) {
        checks.push({
          name: 'LiveKit over TLS',
          ok: false,
          detail: `no TLS answer from ${https.host}: ${reason(error)}.`,
        });
      }
    }

    // 2. LiveKit answers at all.
    try {
      const response = await send(https.href, { signal: AbortSignal.timeout(5000) });
      const date = response.headers.get('date');
      if (date) dates.push({ where: 'LiveKit', date });
      await response.body?.cancel();
      checks.push({
        name: 'LiveKit answers',
        ok: response.ok,
        detail: response.ok
          ? `${https.host} answered ${response.status}.`
          : `${https.host} answered ${response.status}; a LiveKit server answers 200 "OK" at /.`,
      });
    } catch (error) {
      checks.push({
        name: 'LiveKit answers',
        ok: false,
        detail: `${https.host} did not answer: ${reason(error)}.`,
      });
    }

    // 3. The key pair is LiveKit's: a room-service call with a token signed by it is accepted.
    try {
      const minter = createTokenMinter({
        apiKey: options.apiKey,
        apiSecret: options.apiSecret,
        requireStrongSecret: false,
      });
      const rooms = createRoomService({
        url: https.href,
        minter,
        fetch: send,
        allowInsecureHttp: https.protocol === 'http:',
      });
      await rooms.listParticipants(`${PROBE_ROOM_PREFIX}keys`);
      checks.push({
        name: 'API key and secret',
        ok: true,
        detail: `LiveKit accepted a room-service call signed with key ${options.apiKey}.`,
      });
      // 4. Webhooks: LiveKit reaches the app, which reaches LiveKit back.
      checks.push(await webhookCheck(rooms, options.webhookTimeoutMs ?? 10_000));
    } catch (error) {
      const refused = isTokenError(error) && /\b401\b|unauthenticated/i.test(error.message);
      checks.push({
        name: 'API key and secret',
        ok: false,
        detail: refused
          ? `LiveKit refused key ${options.apiKey}: the key or its secret is not the server's.`
          : `the room service failed: ${reason(error)}.`,
      });
    }
  }

  // 5. The fallbacks for networks that block UDP: ICE over TCP, TURN.
  if (options.tcp) {
    checks.push(
      await reachable('TCP fallback', options.tcp, (host, port) => tcpConnect(host, port), {
        ok: 'accepts TCP connections (ICE over TCP)',
        fix: `open TCP ${options.tcp} to the internet (rtc.tcp_port in LiveKit's config)`,
      }),
    );
  }
  if (options.turn) {
    checks.push(
      await reachable('TURN', options.turn, (host, port) => stunBinding(host, port), {
        ok: 'answers STUN over UDP',
        fix: `open UDP ${options.turn} and check turn.enabled and turn.udp_port in LiveKit's config`,
      }),
    );
  }

  // 6. The app answers over HTTPS (its health check: configured, storage open).
  if (options.appUrl) {
    try {
      const response = await send(new URL('/api/health', options.appUrl), {
        signal: AbortSignal.timeout(5000),
      });
      const date = response.headers.get('date');
      if (date) dates.push({ where: 'the app', date });
      await response.body?.cancel();
      const secure = options.appUrl.startsWith('https:');
      checks.push({
        name: 'App health',
        ok: response.ok && secure,
        detail: !secure
          ? `${options.appUrl} is not https: the camera, the microphone and secure cookies need it.`
          : response.ok
            ? `${options.appUrl}/api/health answered 200.`
            : `${options.appUrl}/api/health answered ${response.status}: see the app's log.`,
      });
    } catch (error) {
      checks.push({
        name: 'App health',
        ok: false,
        detail: `${options.appUrl} did not answer: ${reason(error)}.`,
      });
    }
  }

  // 7. Tokens carry times: a clock far off makes them not yet valid, or expired, elsewhere.
  if (dates.length > 0) {
    const skews = dates.map(({ where, date }) => ({
      where,
      seconds: Math.round((now() - Date.parse(date)) / 1000),
    }));
    const worst = skews.reduce((a, b) => (Math.abs(b.seconds) > Math.abs(a.seconds) ? b : a));
    checks.push({
      name: 'Clocks',
      ok: Math.abs(worst.seconds) <= maxSkew,
      detail:
        Math.abs(worst.seconds) <= maxSkew
          ? `this machine and ${skews.map((s) => s.where).join(' and ')} agree within ${Math.max(1, Math.abs(worst.seconds))} s.`
          : `this machine is ${worst.seconds} s off ${worst.where}'s clock: run NTP on every server.`,
    });
  }
  return checks;
}

/**
 * Creates a probe room and waits for the app's answer in its metadata (see probe-room.ts), then
 * deletes the room.
 */
async function webhookCheck(rooms: RoomService, timeoutMs: number): Promise<PreflightCheck> {
  const probe = `${PROBE_ROOM_PREFIX}${randomBytes(6).toString('hex')}`;
  const started = Date.now();
  try {
    await rooms.createRoom(probe, { emptyTimeoutSeconds: 30 });
    while (Date.now() - started < timeoutMs) {
      const [room] = await rooms.listRooms([probe]);
      const answer = room && readProbeAnswer(room.metadata);
      if (answer) {
        return {
          name: 'Webhooks',
          ok: true,
          detail: `the app received LiveKit's webhook for a new room${answer.lagMs === undefined ? '' : ` ${answer.lagMs} ms after LiveKit sent it`} and answered through the room service.`,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return {
      name: 'Webhooks',
      ok: false,
      detail: `no app answered the webhook for a new room within ${Math.round(timeoutMs / 1000)} s: LiveKit's webhook.urls must reach the app's /api/livekit/webhook, signed with the key the app has.`,
    };
  } catch (error) {
    return { name: 'Webhooks', ok: false, detail: `the probe room failed: ${reason(error)}.` };
  } finally {
    await rooms.deleteRoom(probe).catch(() => {});
  }
}

async function reachable(
  name: string,
  address: string,
  probe: (host: string, port: number) => Promise<number>,
  words: { ok: string; fix: string },
): Promise<PreflightCheck> {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(address);
  const port = Number(match?.[2]);
  if (!match || !(port > 0 && port < 65536)) {
    return { name, ok: false, detail: `${address} is not host:port.` };
  }
  try {
    const ms = await probe(match[1] as string, port);
    return { name, ok: true, detail: `${address} ${words.ok} (${ms} ms).` };
  } catch (error) {
    return { name, ok: false, detail: `${address}: ${reason(error)}; ${words.fix}.` };
  }
}

/** "3 days", "1 hour", "0 hours". */
function span(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const [count, unit] =
    days >= 1 ? [days, 'day'] : [Math.max(0, Math.floor(ms / 3_600_000)), 'hour'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

function peerCertificate(host: string, port: number): Promise<CertificateFacts> {
  return new Promise((resolve, reject) => {
    // Not refused here: whether it is trusted is the finding (`authorized`), not a failure.
    const socket = connect({
      host,
      port,
      rejectUnauthorized: false,
      ...(!/^[\d.]+$/.test(host) && { servername: host }),
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('timed out')));
    socket.once('secureConnect', () => {
      const certificate: PeerCertificate = socket.getPeerCertificate();
      resolve({
        trusted: socket.authorized,
        problem: socket.authorizationError ? String(socket.authorizationError) : undefined,
        validFrom: new Date(certificate.valid_from),
        validTo: new Date(certificate.valid_to),
      });
      socket.end();
    });
    socket.once('error', reject);
  });
}
