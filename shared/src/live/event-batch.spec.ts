import { describe, expect, it } from '@jest/globals';
import { packEvents, type PackedEventBatch, unpackEvents } from './event-batch.js';
import type { MeetingEventDto } from './live-events.js';

const uuid = (n: number) => `3f6c2a1e-8b4d-4c7a-9e21-${n.toString(16).padStart(12, '0')}`;
const hash = (seq: number) => seq.toString(16).padStart(64, 'c');
const MEETING = uuid(1);
const VOTE = uuid(2);
const AT = '2026-12-01T01:02:03.456Z';

const event = (seq: number, type: string, payload: unknown, actorUserId: string | null = uuid(100 + seq)): MeetingEventDto => ({
  meetingId: MEETING,
  seq,
  type,
  payload,
  actorUserId,
  at: AT,
  hash: hash(seq),
});

/** A burst as one commit writes it: one time, one vote, a ballot per member (castCount counts up). */
const ballots = (count: number, from = 41, extra: (i: number) => Record<string, unknown> = () => ({})): MeetingEventDto[] =>
  Array.from({ length: count }, (_, i) =>
    event(from + i, 'vote.ballot-cast', { voteId: VOTE, voterUserId: uuid(100 + from + i), castCount: i + 1, recordedBySecretary: false, ...extra(i) }),
  );

/** What a round trip gives back: the events as they were, but only the last with its hash. */
const withLastHashOnly = (events: readonly MeetingEventDto[]) => events.map((e, i) => (i === events.length - 1 ? e : { ...e, hash: '' }));

/** Packed, sent over the wire (JSON, as socket.io does), unpacked. */
function roundTrip(events: readonly MeetingEventDto[]): { packed: PackedEventBatch; unpacked: MeetingEventDto[] } {
  const packed = packEvents(events);
  if (!packed) throw new Error('expected the events to pack');
  return { packed, unpacked: unpackEvents(JSON.parse(JSON.stringify(packed)) as PackedEventBatch) };
}

describe('packEvents / unpackEvents', () => {
  it('sends what a ballot burst shares once and gives every ballot back', () => {
    const burst = ballots(5);
    const { packed, unpacked } = roundTrip(burst);
    expect(packed).toStrictEqual({
      meetingId: MEETING,
      seq: 41,
      count: 5,
      hash: hash(45),
      // each ballot's actor is its voter: named once, by the payload key
      shared: { type: 'vote.ballot-cast', at: AT, actorFrom: 'voterUserId', payload: { voteId: VOTE, recordedBySecretary: false } },
      columns: { payload: { voterUserId: [141, 142, 143, 144, 145].map(uuid), castCount: [1, 2, 3, 4, 5] } },
    });
    expect(unpacked).toStrictEqual(withLastHashOnly(burst));
  });

  it('packs a mixed batch by field, never hoisting an object (liveCounts) even when every payload has the same one', () => {
    const liveCounts = { yes: 2, no: 1, abstain: 0 };
    const mixed = [
      ...ballots(2, 7, () => ({ liveCounts })),
      event(9, 'vote.late-admitted', { voteId: VOTE, userId: uuid(9), liveCounts }),
      event(10, 'vote.ballot-cast', { voteId: VOTE, voterUserId: uuid(10), castCount: 3, recordedBySecretary: false, changed: true, liveCounts }),
    ];
    const { packed, unpacked } = roundTrip(mixed);
    expect(packed.shared).toStrictEqual({ at: AT, payload: { voteId: VOTE } });
    expect(packed.columns.type).toEqual(['vote.ballot-cast', 'vote.ballot-cast', 'vote.late-admitted', 'vote.ballot-cast']);
    // the late admission's actor is not in its payload: actors go by column
    expect(packed.columns.actorUserId).toEqual([107, 108, 109, 110].map(uuid));
    expect(packed.columns.payloads?.every((p) => p.liveCounts)).toBe(true);
    expect(unpacked).toStrictEqual(withLastHashOnly(mixed));
  });

  it('does not hoist a key one payload lacks, nor one whose value differs', () => {
    const burst = ballots(3, 1, (i) => (i === 1 ? {} : { changed: true }));
    const { packed, unpacked } = roundTrip(burst);
    expect(packed.shared.payload).toStrictEqual({ voteId: VOTE, recordedBySecretary: false });
    expect(packed.columns.payload).toBeUndefined();
    expect(packed.columns.payloads).toStrictEqual([
      { voterUserId: uuid(101), castCount: 1, changed: true },
      { voterUserId: uuid(102), castCount: 2 },
      { voterUserId: uuid(103), castCount: 3, changed: true },
    ]);
    expect(unpacked).toStrictEqual(withLastHashOnly(burst));
  });

  it('keeps a null actor as a shared value, and sends payloads as they are when they are not all plain objects', () => {
    const events = [event(3, 'x.happened', { a: 1 }, null), event(4, 'x.happened', [1, 2], null), event(5, 'x.happened', null, null)];
    const { packed, unpacked } = roundTrip(events);
    expect(packed.shared).toStrictEqual({ type: 'x.happened', at: AT, actorUserId: null });
    expect(packed.columns).toStrictEqual({ raw: [{ a: 1 }, [1, 2], null] });
    expect(unpacked).toStrictEqual(withLastHashOnly(events));
  });

  it('packs a single event whole: its own hash, nothing per event', () => {
    const [one] = ballots(1);
    const { packed, unpacked } = roundTrip([one]);
    expect(packed.columns).toStrictEqual({});
    expect(unpacked).toStrictEqual([one]);
  });

  it('refuses what cannot be one batch: nothing, seqs with a hole or out of order, several meetings', () => {
    const burst = ballots(3);
    expect(packEvents([])).toBeNull();
    expect(packEvents([burst[0], burst[2]])).toBeNull();
    expect(packEvents([burst[1], burst[0]])).toBeNull();
    expect(packEvents([burst[0], { ...burst[1], meetingId: uuid(99) }])).toBeNull();
  });

  it('sends a 200-ballot burst in about a tenth of the bytes of the array of events', () => {
    const burst = ballots(200);
    const arrayBytes = JSON.stringify(burst).length;
    const packedBytes = JSON.stringify(packEvents(burst)).length;
    // about 0.11 (9 KB instead of 81 KB per tablet): no hash, meeting, type, time, vote id or actor repeated, no field names
    expect(packedBytes / arrayBytes).toBeLessThan(0.15);
  });

  it('sends actors by column when one is not the payload key the others use, and a changed ballot by row', () => {
    const burst = ballots(4);
    // the secretary records the third ballot (a show of hands): its actor is not its voter
    burst[2] = { ...burst[2], actorUserId: uuid(7), payload: { ...(burst[2].payload as object), recordedBySecretary: true } };
    const { packed, unpacked } = roundTrip(burst);
    expect(packed.shared.actorFrom).toBeUndefined();
    expect(packed.columns.actorUserId).toEqual([uuid(141), uuid(142), uuid(7), uuid(144)]);
    expect(packed.columns.payload?.recordedBySecretary).toEqual([false, false, true, false]);
    expect(unpacked).toStrictEqual(withLastHashOnly(burst));
  });
});
