import { describe, expect, it } from '@jest/globals';
import { initialLiveState, type LiveView } from '@phonghop/shared';
import { displayedView, isLastKnownKey, lastKnownKey, parseLastKnown, toLastKnown } from './last-known';

const room = { meetingId: 'm1', title: 'Phiên họp', startsAt: '', endsAt: '', location: '', settings: {}, seats: [], me: { userId: 'u', role: 'member', seatUserId: 'u' } } as unknown as NonNullable<LiveView['room']>;
const view = (over: Partial<LiveView> = {}): LiveView => ({ seq: 7, state: { ...initialLiveState(), currentItemId: 'i2' }, room, connection: 'live', clockOffsetMs: 0, error: null, ...over });

describe('the last known live state of a meeting', () => {
  it('is kept only from a joined, live view', () => {
    expect(toLastKnown(view(), 1000)).toEqual({ seq: 7, state: view().state, room, savedAt: 1000 });
    expect(toLastKnown(view({ connection: 'resyncing' }), 1000)).toBeNull();
    expect(toLastKnown(view({ room: null }), 1000)).toBeNull();
  });

  it('reads back what was stored for this meeting, and nothing for junk or another meeting', () => {
    const stored = JSON.stringify(toLastKnown(view(), 1000));
    expect(parseLastKnown(stored, 'm1')).toMatchObject({ seq: 7, savedAt: 1000 });
    expect(parseLastKnown(stored, 'm2')).toBeNull();
    expect(parseLastKnown('{"seq":"7"}', 'm1')).toBeNull();
    expect(parseLastKnown('nope', 'm1')).toBeNull();
    expect(parseLastKnown(null, 'm1')).toBeNull();
  });

  it('is shown, marked stale, until the session has joined; then the session’s view replaces it', () => {
    const last = toLastKnown(view(), 1000)!;
    const connecting: LiveView = { seq: 0, state: initialLiveState(), room: null, connection: 'offline', clockOffsetMs: 0, error: null };
    expect(displayedView(connecting, last)).toMatchObject({ seq: 7, room, connection: 'offline', staleSince: 1000, state: { currentItemId: 'i2' } });
    expect(displayedView(connecting, null)).toMatchObject({ seq: 0, room: null, staleSince: null });
    expect(displayedView(view({ seq: 9 }), last)).toMatchObject({ seq: 9, staleSince: null });
  });

  it('is stored under a key per meeting that logout can find', () => {
    expect(isLastKnownKey(lastKnownKey('m1'))).toBe(true);
    expect(isLastKnownKey('phonghop.display')).toBe(false);
  });
});
