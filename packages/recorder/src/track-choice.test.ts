import { expect, test } from 'vitest';
import { chooseTracks, type PublishedTrack } from './track-choice';

const cam: PublishedTrack = { participant: 'host', sid: 'TR_cam', kind: 'video', source: 'camera' };
const mic: PublishedTrack = {
  participant: 'host',
  sid: 'TR_mic',
  kind: 'audio',
  source: 'microphone',
};
const screen: PublishedTrack = {
  participant: 'host',
  sid: 'TR_screen',
  kind: 'video',
  source: 'screen_share',
};
const guestCam: PublishedTrack = {
  participant: 'guest',
  sid: 'TR_g',
  kind: 'video',
  source: 'camera',
};

test.each<[string, PublishedTrack[], string | undefined, object]>([
  ['nobody publishes', [], undefined, {}],
  [
    'camera and microphone',
    [cam, mic],
    undefined,
    { participant: 'host', video: 'TR_cam', audio: 'TR_mic' },
  ],
  ['a screen share replaces the camera', [cam, mic, screen], undefined, { video: 'TR_screen' }],
  ['the camera again once the share stops', [mic, cam], undefined, { video: 'TR_cam' }],
  ['microphone only (the camera is off)', [mic], 'host', { participant: 'host', audio: 'TR_mic' }],
  [
    'the first to publish video, without a named participant',
    [guestCam, cam],
    undefined,
    { participant: 'guest' },
  ],
  ['the named participant, whoever came first', [guestCam, cam, mic], 'host', { video: 'TR_cam' }],
  ['a named participant who is not there', [guestCam], 'host', { participant: 'host' }],
])('%s', (_, published, participant, expected) => {
  expect(chooseTracks(published, participant)).toMatchObject(expected);
});

test('nothing of anyone else is chosen', () => {
  expect(chooseTracks([guestCam, mic], 'host')).toEqual({ participant: 'host', audio: 'TR_mic' });
});
