import { describe, expect, test, vi } from 'vitest';
import type { WebhookEvent } from '@show/token';

vi.mock('server-only', () => ({}));
const { createMemoryShowState } = await import('./show-state');

let n = 0;
const event = (name: string, identity?: string, id = `EV_${++n}`): WebhookEvent => ({
  id,
  event: name,
  room: { sid: 'RM_1', name: 'spring-drop' },
  ...(identity && { participant: { sid: `PA_${identity}`, identity } }),
});

describe('show state from webhooks', () => {
  test('counts viewers (never the host), keeps the peak, and follows the show', () => {
    const state = createMemoryShowState();
    state.apply(event('room_started'));
    state.apply(event('participant_joined', 'host'));
    expect(state.get('spring-drop').status).toBe('upcoming');
    state.apply(event('track_published', 'host'));
    for (const id of ['v-1', 'v-2', 'v-3']) state.apply(event('participant_joined', id));
    state.apply(event('participant_left', 'v-2'));
    expect(state.get('spring-drop')).toMatchObject({ status: 'live', viewers: 2, peakViewers: 3 });
    state.apply(event('participant_left', 'host'));
    expect(state.get('spring-drop').status).toBe('ended');
    state.apply(event('room_finished'));
    expect(state.get('spring-drop')).toMatchObject({ status: 'ended', viewers: 0, peakViewers: 3 });
  });

  test('a retried delivery (same id) counts once', () => {
    const state = createMemoryShowState();
    const joined = event('participant_joined', 'v-1', 'EV_same');
    expect(state.apply(joined)).toBe(true);
    expect(state.apply({ ...joined })).toBe(false);
    state.apply(event('participant_left', 'v-1'));
    expect(state.apply({ ...joined })).toBe(false);
    expect(state.get('spring-drop').viewers).toBe(0);
  });

  test('moderators are staff, not audience', () => {
    const state = createMemoryShowState();
    state.apply(event('participant_joined', 'v-1'));
    state.apply({
      ...event('participant_joined', 'v-2'),
      participant: { sid: 'PA_m', identity: 'v-2', attributes: { 'show.role': 'moderator' } },
    });
    expect(state.get('spring-drop').viewers).toBe(1);
  });

  test('a muted chat is remembered per room, also when the room starts again', () => {
    const state = createMemoryShowState();
    state.setChatMuted('spring-drop', 'v-1', true);
    state.apply(event('room_started'));
    expect(state.isChatMuted('spring-drop', 'v-1')).toBe(true);
    expect(state.isChatMuted('spring-drop', 'v-2')).toBe(false);
    expect(state.isChatMuted('other-room', 'v-1')).toBe(false);
    state.setChatMuted('spring-drop', 'v-1', false);
    expect(state.isChatMuted('spring-drop', 'v-1')).toBe(false);
  });

  test('an unknown room reads as upcoming with nobody watching', () => {
    expect(createMemoryShowState().get('nope')).toEqual({
      room: 'nope',
      status: 'upcoming',
      viewers: 0,
      peakViewers: 0,
      updatedAt: null,
    });
  });
});
