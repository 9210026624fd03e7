// The room-to-show mapping and the phase reducer, over recordings: what a page saw of a room, step
// by step, and what the show must have been at each step.
import { describe, expect, test } from 'vitest';
import { nextPhase, type PhaseChange, type PhaseEvent } from '../store/phase';
import { initialShowState, type AttachableTrack, type ShowState } from '../store/show-store';
import { showFromRoom, type ParticipantFacts, type RoomFacts } from './show-from-room';

const camera: AttachableTrack = { attach: (e) => e, detach: (e) => e };

function person(identity: string, overrides: Partial<ParticipantFacts> = {}): ParticipantFacts {
  return {
    identity,
    name: identity,
    attributes: {},
    canPublishData: undefined,
    camera: undefined,
    screen: undefined,
    microphone: false,
    ...overrides,
  };
}
const host = (status?: string, extra: Partial<ParticipantFacts> = {}) =>
  person('host', {
    name: 'Maya',
    attributes: { 'show.role': 'host', ...(status && { 'show.status': status }) },
    ...extra,
  });
const viewer = (identity: string, extra: Partial<ParticipantFacts> = {}) =>
  person(identity, { attributes: { 'show.role': 'viewer' }, ...extra });

function room(local: ParticipantFacts, remotes: ParticipantFacts[], connected = true): RoomFacts {
  return { connected, local, remotes, canPlaybackAudio: true, quality: 'good' };
}

/** Plays a recording through the mapping and the reducer, as bindRoom does on each event. */
function play(
  steps: Array<RoomFacts | PhaseEvent>,
  { serverCounts = false } = {},
): Array<ShowState & { leave: boolean }> {
  let state = initialShowState();
  let hostSeen = false;
  const seen: Array<ShowState & { leave: boolean }> = [];
  for (const step of steps) {
    let leave = false;
    if ('local' in step) {
      const show = showFromRoom(step, state, { hostSeen, serverCounts });
      hostSeen = show.hostSeen;
      leave = show.leave;
      const phase: PhaseChange = nextPhase(state, show.phase);
      state = { ...state, ...show.patch, ...phase };
    } else {
      state = { ...state, ...nextPhase(state, step) };
    }
    seen.push({ ...state, leave });
  }
  return seen;
}

describe('a viewer’s show, from what the room says', () => {
  test.each([
    {
      what: 'joining, not connected yet',
      steps: [room(viewer('ana'), [], false)],
      phase: 'connecting',
    },
    { what: 'in the room, no host yet', steps: [room(viewer('ana'), [])], phase: 'waiting' },
    {
      what: 'the host previews',
      steps: [room(viewer('ana'), [host('preview')])],
      phase: 'waiting',
    },
    {
      what: 'the host is live',
      steps: [room(viewer('ana'), [host('live', { camera })])],
      phase: 'live',
    },
    {
      what: 'the host left after being seen',
      steps: [room(viewer('ana'), [host('live')]), room(viewer('ana'), [])],
      phase: 'host-left',
    },
    {
      what: 'the host came back and is live again',
      steps: [
        room(viewer('ana'), [host('live')]),
        room(viewer('ana'), []),
        room(viewer('ana'), [host('live')]),
      ],
      phase: 'live',
    },
    {
      what: 'the host ended the show: ended, and the viewer leaves',
      steps: [room(viewer('ana'), [host('live')]), room(viewer('ana'), [host('ended')])],
      phase: 'ended',
      leave: true,
    },
    {
      what: 'after the end, leaving the room stays ended',
      steps: [
        room(viewer('ana'), [host('ended')]),
        { type: 'disconnected', reason: 'left' } as const,
      ],
      phase: 'ended',
    },
    {
      what: 'a reconnect after the end stays ended',
      steps: [room(viewer('ana'), [host('ended')]), { type: 'reconnecting' } as const],
      phase: 'ended',
    },
    {
      what: 'a lost connection is an error the session repairs',
      steps: [
        room(viewer('ana'), [host('live')]),
        { type: 'disconnected', reason: 'lost' } as const,
      ],
      phase: 'error',
    },
    {
      what: 'the server deleted the room',
      steps: [
        room(viewer('ana'), [host('live')]),
        { type: 'disconnected', reason: 'room_deleted' } as const,
      ],
      phase: 'ended',
    },
    {
      what: 'reconnecting, then back and live',
      steps: [
        room(viewer('ana'), [host('live')]),
        { type: 'reconnecting' } as const,
        room(viewer('ana'), [host('live')]),
      ],
      phase: 'live',
    },
    {
      what: 'a new join after the end starts over',
      steps: [room(viewer('ana'), [host('ended')]), { type: 'joining' } as const],
      phase: 'connecting',
    },
  ])('$what → $phase', ({ steps, phase, leave = false }) => {
    const last = play(steps).at(-1);
    expect(last?.phase).toBe(phase);
    expect(last?.leave).toBe(leave);
  });

  test('the host’s own page: never "host left", never leaves', () => {
    const me = host('live', { camera });
    const seen = play([room(me, []), room(host('ended'), [])]);
    expect(seen.map((s) => s.phase)).toEqual(['live', 'ended']);
    expect(seen.map((s) => s.leave)).toEqual([false, false]);
    expect(seen[0]?.host).toMatchObject({ identity: 'host', name: 'Maya', camera, status: 'live' });
  });
});

describe('what the room tells the store', () => {
  test('the host’s view: name, status, camera and screen (muted tracks are none), microphone', () => {
    const [state] = play([
      room(viewer('ana'), [host('live', { camera, screen: undefined, microphone: true })]),
    ]);
    expect(state?.host).toEqual({
      identity: 'host',
      name: 'Maya',
      role: 'host',
      status: 'live',
      camera,
      screen: undefined,
      microphone: true,
    });
  });

  test('pins come from the host’s attribute; nonsense pins are none', () => {
    const pinned = (value: string) =>
      play([
        room(viewer('ana'), [
          host('live', { attributes: { 'show.role': 'host', 'show.pins': value } }),
        ]),
      ])[0]?.pinnedIds;
    expect(pinned('["scarf","tote"]')).toEqual(['scarf', 'tote']);
    expect(pinned('not json')).toEqual([]);
  });

  test('peer to peer: the audience is everyone but the host; mutes from LiveKit’s permissions', () => {
    const [state] = play([
      room(viewer('ana', { canPublishData: false }), [
        host('live'),
        viewer('ben', { canPublishData: false }),
        viewer('cleo'),
        viewer('abe', { canPublishData: false }),
      ]),
    ]);
    expect(state).toMatchObject({ audience: 3, chatMuted: true, mutedIdentities: ['abe', 'ben'] });
  });

  test('with a show server the audience and mutes are the server’s: the room does not touch them', () => {
    const [state] = play(
      [room(viewer('ana', { canPublishData: false }), [host('live'), viewer('ben')])],
      {
        serverCounts: true,
      },
    );
    expect(state).toMatchObject({ audience: 0, chatMuted: false, mutedIdentities: [] });
  });

  test('values that did not change keep their identity (no re-render for components)', () => {
    const facts = room(viewer('ana'), [
      host('live', {
        camera,
        attributes: { 'show.role': 'host', 'show.status': 'live', 'show.pins': '["a"]' },
      }),
    ]);
    const first = showFromRoom(facts, initialShowState(), { hostSeen: false, serverCounts: false });
    const previous = { ...initialShowState(), ...first.patch };
    const again = showFromRoom(facts, previous, { hostSeen: true, serverCounts: false });
    expect(again.patch.host).toBe(previous.host);
    expect(again.patch.self).toBe(previous.self);
    expect(again.patch.pinnedIds).toBe(previous.pinnedIds);
    expect(again.patch.mutedIdentities).toBe(previous.mutedIdentities);
  });

  test('a name falls back to the identity; audio blocked and quality pass through', () => {
    const facts: RoomFacts = {
      ...room(person('v-1', { name: '' }), []),
      canPlaybackAudio: false,
      quality: 'poor',
    };
    const { patch } = showFromRoom(facts, initialShowState(), {
      hostSeen: false,
      serverCounts: false,
    });
    expect(patch).toMatchObject({
      self: { identity: 'v-1', name: 'v-1', role: 'viewer' },
      audioBlocked: true,
      quality: 'poor',
    });
  });
});

describe('the session’s own events', () => {
  test('joining clears an error; a failure carries its error; reconnecting keeps the last error', () => {
    const error = { code: 'token', message: 'Could not get access to the show.' } as const;
    expect(nextPhase({ phase: 'error', error }, { type: 'joining' })).toEqual({
      phase: 'connecting',
      error: undefined,
    });
    expect(nextPhase({ phase: 'connecting', error: undefined }, { type: 'failed', error })).toEqual(
      {
        phase: 'error',
        error,
      },
    );
    expect(nextPhase({ phase: 'live', error: undefined }, { type: 'ended' }).phase).toBe('ended');
  });
});
