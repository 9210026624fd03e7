import { describe, expect, test } from 'vitest';
import {
  MAX_SERVER_DATA_BYTES,
  createRoomService,
  createTokenMinter,
  createTokenVerifier,
  roles,
} from './index';
import { isTokenError } from './token-error';

const credentials = { apiKey: 'APIkey', apiSecret: 'a-secret-of-at-least-thirty-two-chars!!' };
const minter = createTokenMinter(credentials);
const verifier = createTokenVerifier(credentials);

interface Sent {
  url: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that records what it was sent and answers with `reply`. */
function recorder(reply: () => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fake: typeof fetch = async (input, init) => {
    sent.push({
      url: String(input),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    return reply();
  };
  return { sent, fetch: fake };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTokenError(error)) throw new Error(`expected a TokenError, got ${String(error)}`);
  return error;
};

describe('createRoomService', () => {
  test('mutes chat: the viewer permission with data off, to UpdateParticipant, as room admin', async () => {
    const { sent, fetch } = recorder(() => Response.json({ identity: 'v-1' }));
    const service = createRoomService({ url: 'wss://live.example.com/', minter, fetch });
    await service.setChatMuted('spring-drop', 'v-1', true);

    expect(sent).toHaveLength(1);
    const [call] = sent as [Sent];
    expect(call.url).toBe('https://live.example.com/twirp/livekit.RoomService/UpdateParticipant');
    expect(call.body).toEqual({
      room: 'spring-drop',
      identity: 'v-1',
      permission: {
        canSubscribe: true,
        canPublish: false,
        canPublishData: false,
        canPublishSources: [],
        hidden: false,
        canUpdateMetadata: false,
        canSubscribeMetrics: false,
      },
    });
    const token = call.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    const claims = await verifier.verify(token);
    expect(claims.video).toEqual({ roomAdmin: true, room: 'spring-drop' });
    expect(claims.sub).toBeUndefined();
  });

  test('unmutes, and a host keeps its media sources', async () => {
    const { sent, fetch } = recorder(() => Response.json({}));
    const service = createRoomService({ url: 'http://127.0.0.1:7880', minter, fetch });
    await service.setChatMuted('r', 'v-1', false);
    await service.updatePermission('r', 'host', roles.host.grant);
    expect((sent[0]?.body as { permission: object }).permission).toMatchObject({
      canPublishData: true,
    });
    expect((sent[1]?.body as { permission: object }).permission).toMatchObject({
      canPublish: true,
      canPublishSources: ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
      canUpdateMetadata: true,
    });
    expect(sent[1]?.url).toBe('http://127.0.0.1:7880/twirp/livekit.RoomService/UpdateParticipant');
  });

  test('someone not in the room is participant_not_found', async () => {
    const { fetch } = recorder(() =>
      Response.json({ code: 'not_found', msg: 'participant not found' }, { status: 404 }),
    );
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    expect((await refusal(service.setChatMuted('r', 'v-9', true))).code).toBe(
      'participant_not_found',
    );
  });

  test('other failures say the status and Twirp code, and never the token', async () => {
    let token = '';
    const fake: typeof fetch = async (_input, init) => {
      token = new Headers(init?.headers).get('authorization') ?? '';
      return Response.json({ code: 'unauthenticated', msg: token }, { status: 401 });
    };
    const service = createRoomService({ url: 'https://lk.example', minter, fetch: fake });
    const error = await refusal(service.setChatMuted('r', 'v-1', true));
    expect(error.code).toBe('room_service_failed');
    expect(error.message).toBe("LiveKit's room service answered 401 (unauthenticated).");
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify({ message: error.message })).not.toContain(token.slice(7));
  });

  test('a server that does not answer is room_service_failed, with the cause kept', async () => {
    const fake: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const service = createRoomService({ url: 'https://lk.example', minter, fetch: fake });
    const error = await refusal(service.setChatMuted('r', 'v-1', true));
    expect(error.code).toBe('room_service_failed');
    expect((error.cause as Error).message).toBe('fetch failed');
  });

  test('bad input is refused before any request', async () => {
    const { sent, fetch } = recorder(() => Response.json({}));
    expect(() => createRoomService({ url: 'ftp://x', minter, fetch })).toThrow(/url must be/);
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    expect((await refusal(service.setChatMuted('', 'v-1', true))).code).toBe('invalid_room');
    expect((await refusal(service.setChatMuted('r', '', true))).code).toBe('invalid_identity');
    expect(sent).toHaveLength(0);
  });
});

describe('updateAttributes', () => {
  test('sends only the attributes to UpdateParticipant (the permission stays as it is)', async () => {
    const { sent, fetch } = recorder(() => Response.json({ identity: 'host' }));
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    await service.updateAttributes('spring-drop', 'host', { 'show.pins': '["mug"]' });
    expect((sent[0] as Sent).url).toBe(
      'https://lk.example/twirp/livekit.RoomService/UpdateParticipant',
    );
    expect((sent[0] as Sent).body).toEqual({
      room: 'spring-drop',
      identity: 'host',
      attributes: { 'show.pins': '["mug"]' },
    });
    const bad = service.updateAttributes('spring-drop', 'host', { k: 7 } as never);
    expect((await refusal(bad)).code).toBe('invalid_attributes');
    expect(sent).toHaveLength(1);
  });
});

describe('sendData', () => {
  test('posts the bytes as base64 with topic, kind and destinations, as room admin', async () => {
    const { sent, fetch } = recorder(() => Response.json({}));
    const service = createRoomService({ url: 'wss://live.example.com', minter, fetch });
    const data = new TextEncoder().encode('{"v":1,"events":[]}');
    await service.sendData('spring-drop', data, {
      topic: 'show.events',
      destinationIdentities: ['host'],
    });
    await service.sendData('spring-drop', new Uint8Array([0, 255, 1]), { reliable: false });

    const [first, second] = sent as [Sent, Sent];
    expect(first.url).toBe('https://live.example.com/twirp/livekit.RoomService/SendData');
    expect(first.body).toEqual({
      room: 'spring-drop',
      data: btoa('{"v":1,"events":[]}'),
      kind: 'RELIABLE',
      topic: 'show.events',
      destinationIdentities: ['host'],
    });
    expect(second.body).toEqual({ room: 'spring-drop', data: 'AP8B', kind: 'LOSSY' });
    const token = first.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    expect((await verifier.verify(token)).video).toEqual({ roomAdmin: true, room: 'spring-drop' });
  });

  test('refuses a packet LiveKit would drop, and a bad destination, before any call', async () => {
    const { sent, fetch } = recorder(() => Response.json({}));
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    const big = new Uint8Array(MAX_SERVER_DATA_BYTES + 1);
    expect((await refusal(service.sendData('r', big))).code).toBe('invalid_request');
    const toNobody = service.sendData('r', new Uint8Array(1), { destinationIdentities: [''] });
    expect((await refusal(toNobody)).code).toBe('invalid_identity');
    expect(sent).toHaveLength(0);
  });
});

describe('createRoom', () => {
  test('posts the name and limits to CreateRoom with a roomCreate token', async () => {
    const { sent, fetch } = recorder(() => Response.json({ name: 'spring-drop' }));
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    await service.createRoom('spring-drop', { maxParticipants: 500, emptyTimeoutSeconds: 600 });
    const [call] = sent as [Sent];
    expect(call.url).toBe('https://lk.example/twirp/livekit.RoomService/CreateRoom');
    expect(call.body).toEqual({ name: 'spring-drop', maxParticipants: 500, emptyTimeout: 600 });
    const token = call.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    expect((await verifier.verify(token)).video).toEqual({ roomCreate: true });
    const bad = service.createRoom('spring-drop', { maxParticipants: -1 });
    expect((await refusal(bad)).code).toBe('invalid_request');
    expect(sent).toHaveLength(1);
  });
});

describe('listParticipants', () => {
  test('lists identities, sids, attributes and kinds as room admin; a room LiveKit lacks is empty', async () => {
    const { sent, fetch } = recorder(() =>
      Response.json({
        participants: [
          {
            sid: 'PA_1',
            identity: 'host',
            attributes: { 'show.role': 'host' },
            tracks: [],
            joined_at: '1796106016',
            joined_at_ms: '1796106016012',
          },
          { sid: 'PA_2', identity: 'viewer-1', joined_at: '1796106020' },
          { sid: 'PA_3', identity: 'recorder', kind: 'EGRESS', attributes: {} },
        ],
      }),
    );
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    expect(await service.listParticipants('spring-drop')).toEqual([
      {
        sid: 'PA_1',
        identity: 'host',
        attributes: { 'show.role': 'host' },
        kind: 'STANDARD',
        joinedAtMs: 1796106016012,
      },
      {
        sid: 'PA_2',
        identity: 'viewer-1',
        attributes: {},
        kind: 'STANDARD',
        joinedAtMs: 1796106020000,
      },
      { sid: 'PA_3', identity: 'recorder', attributes: {}, kind: 'EGRESS', joinedAtMs: 0 },
    ]);
    const [call] = sent as [Sent];
    expect(call.url).toBe('https://lk.example/twirp/livekit.RoomService/ListParticipants');
    expect(call.body).toEqual({ room: 'spring-drop' });
    const missing = createRoomService({
      url: 'https://lk.example',
      minter,
      fetch: recorder(() => Response.json({ code: 'not_found' }, { status: 404 })).fetch,
    });
    expect(await missing.listParticipants('gone')).toEqual([]);
  });
});

describe('rooms', () => {
  test('listRooms asks ListRooms (by name when given) with a roomList token', async () => {
    const { sent, fetch } = recorder(() =>
      Response.json({
        rooms: [
          {
            sid: 'RM_1',
            name: 'spring-drop',
            num_participants: 3,
            metadata: '{"a":1}',
            creation_time: '1796106016',
            creation_time_ms: '1796106016012',
          },
          { sid: 'RM_2', name: 'probe' },
        ],
      }),
    );
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    expect(await service.listRooms(['spring-drop', 'probe'])).toEqual([
      {
        sid: 'RM_1',
        name: 'spring-drop',
        numParticipants: 3,
        metadata: '{"a":1}',
        createdAtMs: 1796106016012,
      },
      { sid: 'RM_2', name: 'probe', numParticipants: 0, metadata: '', createdAtMs: 0 },
    ]);
    await service.listRooms();
    const [named, all] = sent as [Sent, Sent];
    expect(named.url).toBe('https://lk.example/twirp/livekit.RoomService/ListRooms');
    expect(named.body).toEqual({ names: ['spring-drop', 'probe'] });
    expect(all.body).toEqual({});
    const token = named.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    expect((await verifier.verify(token)).video).toEqual({ roomList: true });
  });

  test('deleteRoom: a missing room is gone already; a room whose node died is placed again, then deleted', async () => {
    const replies = [
      Response.json({ code: 'not_found', msg: 'room not found' }, { status: 404 }),
      Response.json(
        { code: 'unavailable', msg: 'twirp error unknown: no response from servers' },
        { status: 503 },
      ),
      // Its node died a moment ago: LiveKit places it there again, and it is still unavailable.
      Response.json({ name: 'orphan' }),
      Response.json({ code: 'unavailable' }, { status: 503 }),
      Response.json({ name: 'orphan' }),
      Response.json({}),
    ];
    const { sent, fetch } = recorder(() => replies.shift() ?? Response.json({}));
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    await service.deleteRoom('gone');
    await service.deleteRoom('orphan');
    expect(sent.map((call) => [call.url.split('/').pop(), call.body])).toEqual([
      ['DeleteRoom', { room: 'gone' }],
      ['DeleteRoom', { room: 'orphan' }],
      ['CreateRoom', { name: 'orphan' }],
      ['DeleteRoom', { room: 'orphan' }],
      ['CreateRoom', { name: 'orphan' }],
      ['DeleteRoom', { room: 'orphan' }],
    ]);
    const failing = createRoomService({
      url: 'https://lk.example',
      minter,
      fetch: recorder(() => Response.json({ code: 'internal' }, { status: 500 })).fetch,
    });
    expect((await refusal(failing.deleteRoom('x'))).message).toContain('500');
  });

  test('updateRoomMetadata as room admin; metadata LiveKit would refuse is refused first', async () => {
    const { sent, fetch } = recorder(() => Response.json({ name: 'probe' }));
    const service = createRoomService({ url: 'https://lk.example', minter, fetch });
    await service.updateRoomMetadata('probe', 'hello');
    const [call] = sent as [Sent];
    expect(call.url).toBe('https://lk.example/twirp/livekit.RoomService/UpdateRoomMetadata');
    expect(call.body).toEqual({ room: 'probe', metadata: 'hello' });
    const token = call.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    expect((await verifier.verify(token)).video).toEqual({ roomAdmin: true, room: 'probe' });
    const big = service.updateRoomMetadata('probe', 'x'.repeat(64 * 1024 + 1));
    expect((await refusal(big)).code).toBe('invalid_request');
    expect(sent).toHaveLength(1);
  });
});

describe('plain HTTP', () => {
  test('is refused to another machine (every call carries an admin token), allowed on this one', () => {
    for (const url of ['http://lk.example', 'ws://10.0.0.5:7880', 'http://127.0.0.1.example.com']) {
      expect(() => createRoomService({ url, minter })).toThrow(/https/);
    }
    for (const url of ['http://127.0.0.1:7880', 'ws://localhost:7880', 'http://[::1]:7880']) {
      expect(() => createRoomService({ url, minter })).not.toThrow();
    }
    expect(() =>
      createRoomService({ url: 'http://livekit:7880', minter, allowInsecureHttp: true }),
    ).not.toThrow();
  });
});

describe('mintServerToken', () => {
  test('carries the grant only: no identity, no roomJoin, ten minutes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const claims = await verifier.verify(await minter.mintServerToken({ roomList: true }));
    expect(claims.video).toEqual({ roomList: true });
    expect(claims.sub).toBeUndefined();
    expect(claims.exp - before).toBeGreaterThanOrEqual(600);
    expect(claims.exp - before).toBeLessThanOrEqual(601);
  });

  test('refuses roomJoin, unknown grants and a bad lifetime', async () => {
    expect((await refusal(minter.mintServerToken({ roomJoin: true, room: 'r' }))).code).toBe(
      'invalid_grant',
    );
    const unknown = { roomAdmin: true, godMode: true } as unknown as Parameters<
      typeof minter.mintServerToken
    >[0];
    expect((await refusal(minter.mintServerToken(unknown))).code).toBe('unknown_grant');
    expect((await refusal(minter.mintServerToken({ roomAdmin: true }, 5))).code).toBe(
      'invalid_ttl',
    );
  });
});
