import { describe, expect, it } from '@jest/globals';
import type { MeetingEventDto } from './live-events.js';
import { LiveReplica } from './live-replica.js';
import { replay } from './live-state.js';

const at = (n: number) => new Date(Date.UTC(2026, 11, 1, 1, 0, n)).toISOString();
const ev = (seq: number, type: string, payload: unknown = {}): MeetingEventDto => ({
  meetingId: 'm',
  seq,
  type,
  payload,
  actorUserId: 'chair',
  at: at(seq),
  hash: `h${seq}`,
});
const LOG = [
  ev(1, 'meeting.started'),
  ev(2, 'agenda.item-opened', { itemId: 'i1' }),
  ev(3, 'presentation.page-shown', { documentId: 'd', version: 1, page: 3, presenterUserId: 'chair' }),
  ev(4, 'speaker.requested', { userId: 'u1' }),
  ev(5, 'speaker.granted', { userId: 'u1' }),
  ev(6, 'presentation.page-shown', { documentId: 'd', version: 1, page: 4, presenterUserId: 'chair' }),
];

function replica() {
  const applied: number[] = [];
  return { r: new LiveReplica((e) => applied.push(e.seq)), applied };
}

describe('LiveReplica', () => {
  it('applies events in order, each once, and reaches the state of a full replay', () => {
    const { r, applied } = replica();
    for (const e of LOG) expect(r.apply(e)).toBe('applied');
    expect(r.seq).toBe(6);
    expect(r.state).toEqual(replay(LOG));
    expect(applied).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drops a repeated event (the same fact by broadcast and by sync)', () => {
    const { r, applied } = replica();
    r.apply(LOG[0]);
    r.apply(LOG[1]);
    const state = r.state;
    expect(r.apply(LOG[1])).toBe('duplicate');
    expect(r.apply(LOG[0])).toBe('duplicate');
    expect(r.state).toBe(state);
    expect(applied).toEqual([1, 2]);
  });

  it('holds events after a gap until the missing ones arrive, then applies all in order', () => {
    const { r, applied } = replica();
    r.apply(LOG[0]);
    expect(r.apply(LOG[3])).toBe('gap');
    expect(r.apply(LOG[4])).toBe('gap');
    expect(r.hasGap).toBe(true);
    expect(r.seq).toBe(1);
    r.apply(LOG[1]);
    expect(r.seq).toBe(2);
    expect(r.apply(LOG[2])).toBe('applied');
    expect(r.seq).toBe(5);
    expect(r.hasGap).toBe(false);
    expect(applied).toEqual([1, 2, 3, 4, 5]);
    expect(r.state).toEqual(replay(LOG.slice(0, 5)));
  });

  it('takes a newer snapshot, drops held events it covers and applies the ones after it', () => {
    const { r, applied } = replica();
    r.apply(LOG[0]);
    r.apply(LOG[4]); // held: seq 5
    r.apply(LOG[5]); // held: seq 6
    expect(r.reset({ seq: 5, state: replay(LOG.slice(0, 5)) })).toBe(true);
    expect(r.seq).toBe(6);
    expect(r.state).toEqual(replay(LOG));
    expect(applied).toEqual([1, 6]);
  });

  it('refuses an older snapshot than what it already has', () => {
    const { r } = replica();
    for (const e of LOG) r.apply(e);
    expect(r.reset({ seq: 3, state: replay(LOG.slice(0, 3)) })).toBe(false);
    expect(r.seq).toBe(6);
  });
});

describe('LiveReplica after the server lost events', () => {
  it('remembers the hash of the last applied event, and of a snapshot', () => {
    const { r } = replica();
    expect(r.hash).toBeUndefined();
    r.apply(LOG[0]);
    r.apply(LOG[1]);
    expect(r.hash).toBe('h2');
    r.reset({ seq: 4, state: replay(LOG.slice(0, 4)), hash: 'h4' });
    expect(r.hash).toBe('h4');
  });

  it('knows no hash after an event of a packed batch other than its last (sent with an empty hash)', () => {
    const { r } = replica();
    r.apply(LOG[0]);
    r.apply({ ...LOG[1], hash: '' });
    expect(r.hash).toBeUndefined();
    r.apply(LOG[2]);
    expect(r.hash).toBe('h3');
  });

  it('replaces its state with an older snapshot when told to (rewound), and then applies the new events', () => {
    const { r, applied } = replica();
    for (const e of LOG) r.apply(e);
    r.replace({ seq: 2, state: replay(LOG.slice(0, 2)), hash: 'h2' });
    expect(r.seq).toBe(2);
    expect(r.state).toEqual(replay(LOG.slice(0, 2)));
    const other = ev(3, 'agenda.item-opened', { itemId: 'i2' });
    expect(r.apply(other)).toBe('applied');
    expect(r.state.currentItemId).toBe('i2');
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 3]);
  });
});
