import { describe, expect, it } from '@jest/globals';
import { liveRefusal } from './live-refusal.js';
import { applyEvent, initialLiveState, type LiveEvent, type LiveState, replay } from './live-state.js';

const at = '2026-12-01T01:00:00.000Z';
const started = replay([{ type: 'meeting.started', payload: {}, at }]);
const event = (type: LiveEvent['type'], payload: unknown = {}) => ({ type, payload, at }) as LiveEvent;

/** Each case: a state, an event the reducer ignores there, and the code the command is refused with. */
const CASES: Array<[string, LiveState, LiveEvent, string]> = [
  ['asking to speak before the start', initialLiveState(), event('speaker.requested', { userId: 'u1' }), 'MEETING_NOT_LIVE'],
  ['opening an item before the start', initialLiveState(), event('agenda.item-opened', { itemId: 'i' }), 'MEETING_NOT_LIVE'],
  ['designating a presenter after the end', replay([{ type: 'meeting.started', payload: {}, at }, { type: 'meeting.ended', payload: {}, at }]), event('presentation.presenter-set', { userId: 'u1' }), 'MEETING_NOT_LIVE'],
  ['starting twice', started, event('meeting.started'), 'INVALID_STATUS_TRANSITION'],
  ['resuming a running meeting', started, event('meeting.resumed'), 'INVALID_STATUS_TRANSITION'],
  ['granting someone not in the queue', started, event('speaker.granted', { userId: 'u1' }), 'SPEAKER_NOT_IN_QUEUE'],
  ['ending a turn nobody has', started, event('speaker.turn-ended'), 'NO_CURRENT_SPEAKER'],
  ['adding a minute with no speaker', started, event('speaker.time-added'), 'NO_CURRENT_SPEAKER'],
  ['asking twice', applyEvent(started, event('speaker.requested', { userId: 'u1' })), event('speaker.requested', { userId: 'u1' }), 'SPEAKER_ALREADY_QUEUED'],
  ['moving the first one up', applyEvent(started, event('speaker.requested', { userId: 'u1' })), event('speaker.moved', { userId: 'u1', direction: 'up' }), 'SPEAKER_ALREADY_FIRST'],
  ['marking the same attendance twice', applyEvent(started, event('attendance.marked', { userId: 'u1', state: 'present_online' })), event('attendance.marked', { userId: 'u1', state: 'present_online' }), 'ATTENDANCE_UNCHANGED'],
  ['moving the last one down', applyEvent(started, event('speaker.requested', { userId: 'u1' })), event('speaker.moved', { userId: 'u1', direction: 'down' }), 'SPEAKER_ALREADY_LAST'],
];

describe('liveRefusal', () => {
  it.each(CASES)('%s', (_name, state, e, code) => {
    expect(applyEvent(state, e)).toBe(state); // really a no-op of the reducer
    expect(liveRefusal(state, e)).toBe(code);
  });

  it('pausing a paused timer and resuming a running one', () => {
    let s = applyEvent(started, event('speaker.requested', { userId: 'u1' }));
    s = applyEvent(s, event('speaker.granted', { userId: 'u1' }));
    expect(liveRefusal(s, event('speaker.timer-resumed'))).toBe('TIMER_NOT_PAUSED');
    s = applyEvent(s, event('speaker.timer-paused'));
    expect(liveRefusal(s, event('speaker.timer-paused'))).toBe('TIMER_ALREADY_PAUSED');
  });
});
