import type { TokenVerifier, VerifyOptions } from './minter';
import type { Hashing, Signing } from './platform';
import { HEADER_B64 } from './token-format';
import { checkCredentials, type Credentials } from './validate';
import { TokenError } from './token-error';
import { constantTimeEqual } from './constant-time';
import { isPlainObject } from './validate';

/** LiveKit's webhook event names. */
export type WebhookEventName =
  | 'room_started'
  | 'room_finished'
  | 'participant_joined'
  | 'participant_left'
  | 'participant_connection_aborted'
  | 'track_published'
  | 'track_unpublished'
  | 'egress_started'
  | 'egress_updated'
  | 'egress_ended'
  | 'ingress_started'
  | 'ingress_ended';

export interface WebhookRoom {
  sid: string;
  name: string;
  numParticipants?: number;
  creationTime?: string;
  metadata?: string;
}

export interface WebhookParticipant {
  sid: string;
  identity: string;
  name?: string;
  state?: string;
  kind?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  joinedAt?: string;
}

export interface WebhookTrack {
  sid: string;
  type?: string;
  source?: string;
  name?: string;
}

/** A verified event. Fields LiveKit adds later are kept, untyped, on the object. */
export interface WebhookEvent {
  /** Unique per event: use it to drop the retries LiveKit may send. */
  id: string;
  event: WebhookEventName | (string & {});
  /** Seconds since the epoch, as LiveKit sends it (a string, for int64). */
  createdAt?: string;
  room?: WebhookRoom;
  participant?: WebhookParticipant;
  track?: WebhookTrack;
  [field: string]: unknown;
}

export interface WebhookReceiver {
  /**
   * Verifies and parses one delivery. Pass the body exactly as received (re-serialising JSON
   * changes the bytes and breaks the hash) and the `Authorization` header (a bare JWT).
   */
  receive(
    rawBody: string | Uint8Array,
    authorization: string | null | undefined,
  ): Promise<WebhookEvent>;
}

/** Largest webhook body accepted. */
export const MAX_WEBHOOK_BYTES = 1_000_000;

export function webhookReceiverFor(
  platform: Hashing,
  createVerifier: (options: VerifyOptions) => TokenVerifier,
) {
  /** Checks LiveKit's webhook deliveries: the JWT in `Authorization`, then the body's SHA-256. */
  return function createWebhookReceiver(credentials: VerifyOptions): WebhookReceiver {
    const verifier = createVerifier(credentials);
    return {
      async receive(rawBody, authorization) {
        if (!authorization)
          throw new TokenError('unauthorized', 'The webhook has no Authorization header.');
        const size = typeof rawBody === 'string' ? rawBody.length : rawBody.byteLength;
        if (size > MAX_WEBHOOK_BYTES)
          throw new TokenError('payload_too_large', 'The webhook body is too large.');
        // LiveKit sends the bare JWT; accept a Bearer prefix too, as some proxies add one.
        const claims = await verifier.verify(authorization.replace(/^Bearer\s+/i, ''));
        if (typeof claims.sha256 !== 'string') {
          throw new TokenError('missing_claim', 'The webhook token has no "sha256" claim.');
        }
        const hash = await platform.sha256Base64(rawBody);
        if (!constantTimeEqual(hash, claims.sha256)) {
          throw new TokenError(
            'body_hash_mismatch',
            'The body does not match the signed hash: pass it exactly as received.',
          );
        }
        return parseEvent(rawBody);
      },
    };
  };
}

function parseEvent(rawBody: string | Uint8Array): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
  } catch (error) {
    throw new TokenError('invalid_webhook', 'The webhook body is not JSON.', { cause: error });
  }
  if (!isPlainObject(parsed) || typeof parsed.event !== 'string' || typeof parsed.id !== 'string') {
    throw new TokenError('invalid_webhook', 'The webhook body has no event name or id.');
  }
  for (const key of ['room', 'participant', 'track'] as const) {
    if (parsed[key] !== undefined && !isPlainObject(parsed[key])) {
      throw new TokenError('invalid_webhook', `The webhook's ${key} is not an object.`);
    }
  }
  return parsed as WebhookEvent;
}

export interface WebhookSigner {
  /** The `Authorization` header value LiveKit would send with this exact body. */
  sign(rawBody: string | Uint8Array): Promise<string>;
}

export function webhookSignerFor(signing: Signing, hashing: Hashing) {
  /**
   * Signs webhook bodies the way LiveKit's server does (a JWT with the body's SHA-256, valid for
   * five minutes): for testing a webhook endpoint, or relaying events you have checked.
   */
  return function createWebhookSigner(credentials: Credentials): WebhookSigner {
    checkCredentials(credentials);
    const { apiKey } = credentials;
    const sign = signing.hs256(credentials.apiSecret);
    return {
      async sign(rawBody) {
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          sha256: await hashing.sha256Base64(rawBody),
          iss: apiKey,
          exp: now + 300,
          nbf: now,
        };
        const input = `${HEADER_B64}.${signing.base64url(JSON.stringify(claims))}`;
        return `${input}.${await sign(input)}`;
      },
    };
  };
}
