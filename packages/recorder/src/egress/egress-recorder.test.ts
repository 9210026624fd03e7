import { createTokenMinter, createTokenVerifier } from '@show/token';
import { expect, test } from 'vitest';
import { recordingFromEgress } from './egress-info';
import { createEgressRecorder } from './egress-recorder';

const credentials = { apiKey: 'APIkey', apiSecret: 'a-secret-long-enough-for-the-minter-0123' };
const minter = createTokenMinter(credentials);
const verifier = createTokenVerifier(credentials);

interface Call {
  url: string;
  body: Record<string, unknown>;
  grant: unknown;
}

function fakeEgress(answers: Record<string, { status?: number; body: unknown }>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const token = String((init.headers as Record<string, string>).Authorization).slice(7);
    calls.push({
      url,
      body: JSON.parse(String(init.body)) as Record<string, unknown>,
      grant: (await verifier.verify(token)).video,
    });
    const answer = answers[url.split('/').at(-1)!]!;
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  };
  return { fetch, calls };
}

const active = {
  egress_id: 'EG_1',
  room_name: 'spring-drop',
  status: 'EGRESS_ACTIVE',
  started_at: '1796000000000000000',
};

test('start asks for a room composite to an MP4 and HLS on S3, with a roomRecord token', async () => {
  const { fetch, calls } = fakeEgress({
    ListEgress: { body: { items: [] } },
    StartRoomCompositeEgress: { body: { ...active, status: 'EGRESS_STARTING' } },
  });
  const recorder = createEgressRecorder({
    url: 'wss://live.example.com',
    minter,
    output: { s3: { bucket: 'shows', region: 'eu-west-1', accessKey: 'AK', secret: 'SK' } },
    fetch,
  });
  const info = await recorder.start('spring-drop');
  expect(info).toMatchObject({ recordingId: 'EG_1', room: 'spring-drop', status: 'starting' });
  expect(calls.map((call) => call.url)).toEqual([
    'https://live.example.com/twirp/livekit.Egress/ListEgress',
    'https://live.example.com/twirp/livekit.Egress/StartRoomCompositeEgress',
  ]);
  expect(calls[1]!.grant).toMatchObject({ roomRecord: true, room: 'spring-drop' });
  const s3 = { bucket: 'shows', access_key: 'AK', secret: 'SK', region: 'eu-west-1' };
  expect(calls[1]!.body).toEqual({
    room_name: 'spring-drop',
    layout: 'speaker',
    file_outputs: [{ filepath: '{room_name}/{time}/recording.mp4', s3 }],
    segment_outputs: [
      {
        filename_prefix: '{room_name}/{time}/hls/segment',
        playlist_name: 'index.m3u8',
        segment_duration: 2,
        s3,
      },
    ],
  });
});

test('starting a room that is recording returns that recording', async () => {
  const { fetch, calls } = fakeEgress({ ListEgress: { body: { items: [active] } } });
  const recorder = createEgressRecorder({ url: 'https://lk.example.com', minter, fetch });
  expect(await recorder.start('spring-drop')).toMatchObject({ recordingId: 'EG_1' });
  expect(calls[0]!.body).toEqual({ room_name: 'spring-drop', active: true });
  expect(calls).toHaveLength(1);
});

test("LiveKit's refusal becomes a RecorderError with its code and message, never the token", async () => {
  const { fetch } = fakeEgress({
    ListEgress: { body: { items: [] } },
    StartRoomCompositeEgress: {
      status: 503,
      body: { code: 'unavailable', msg: 'egress not connected (redis required)' },
    },
  });
  const recorder = createEgressRecorder({ url: 'https://lk.example.com', minter, fetch });
  const error = await recorder.start('spring-drop').catch((e: unknown) => e);
  expect(error).toMatchObject({
    name: 'RecorderError',
    code: 'egress_failed',
    message: 'LiveKit Egress answered 503 (unavailable): egress not connected (redis required).',
  });
});

test('EgressInfo → RecordingInfo: files, playlist, duration in seconds, failures in words', () => {
  expect(
    recordingFromEgress({
      ...active,
      status: 'EGRESS_COMPLETE',
      ended_at: '1796000095000000000',
      file_results: [
        {
          filename: 'a/recording.mp4',
          location: 's3://shows/a/recording.mp4',
          duration: '94500000000',
        },
      ],
      segment_results: [
        { playlist_location: 's3://shows/a/hls/index.m3u8', duration: '94000000000' },
      ],
    }),
  ).toEqual({
    recordingId: 'EG_1',
    room: 'spring-drop',
    status: 'complete',
    startedAt: 1796000000000,
    endedAt: 1796000095000,
    durationSeconds: 94.5,
    files: [
      { kind: 'mp4', location: 's3://shows/a/recording.mp4' },
      { kind: 'hls', location: 's3://shows/a/hls/index.m3u8' },
    ],
  });
  expect(recordingFromEgress({ egressId: 'EG_2', roomName: 'r', status: 6 })).toMatchObject({
    recordingId: 'EG_2',
    status: 'failed',
    error: 'Egress reached its time limit.',
  });
  expect(
    recordingFromEgress({ egress_id: 'EG_3', status: 'EGRESS_FAILED', error: 'no tracks' }),
  ).toMatchObject({ status: 'failed', error: 'no tracks' });
});

test('a url that is not LiveKit is refused at once', () => {
  expect(() => createEgressRecorder({ url: 'livekit', minter })).toThrow('url must be LiveKit');
});
