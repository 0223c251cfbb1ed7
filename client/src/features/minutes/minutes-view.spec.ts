import { describe, expect, it } from '@jest/globals';
import type { MinutesDto } from '@phonghop/shared';
import { attendanceRows, itemSections } from './minutes-view';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function minutes(): MinutesDto {
  const person = (id: string, fullName: string) => ({ id, fullName, position: '', unit: '' });
  return {
    seats: [
      { userId: 'm1', role: 'member', rsvp: 'absent', rsvpReason: 'Đi công tác', substituteUserId: null },
      { userId: 'm2', role: 'member', rsvp: 'delegated', rsvpReason: '', substituteUserId: 's2' },
      { userId: 'c', role: 'chair', rsvp: 'attending', rsvpReason: '', substituteUserId: null },
      { userId: 'p', role: 'display', rsvp: 'attending', rsvpReason: '', substituteUserId: null },
    ],
    people: { m1: person('m1', 'Sơn'), m2: person('m2', 'Lan'), s2: person('s2', 'Hùng'), c: person('c', 'Minh') },
    agenda: [
      { id: A, number: '1', title: 'Báo cáo', presenterName: '' },
      { id: B, number: '2', title: 'Kế hoạch', presenterName: '' },
    ],
    facts: {
      lastSeq: 9,
      headHash: null,
      started: null,
      ended: null,
      attendance: [
        { userId: 'c', state: 'present_in_person', reason: null, arrivedAt: null, leftAt: null, seqs: [1] },
        { userId: 's2', state: 'present_online', reason: null, arrivedAt: null, leftAt: null, seqs: [2] },
      ],
      items: [{ itemId: B, order: 1, startedAt: '2026-12-15T01:10:00Z', endedAt: null, openSeqs: [4], closeSeqs: [] }],
      turns: [{ seq: 5, userId: 'c', itemId: B, startedAt: '2026-12-15T01:11:00Z', endedAt: null, endSeq: null, durationMs: null }],
      votes: [],
    },
  } as unknown as MinutesDto;
}

describe('minutes view', () => {
  it('lists the chair first, a substitute in the seat they hold, the absent with the reason they gave, no display', () => {
    const rows = attendanceRows(minutes());
    expect(rows.map((r) => [r.name, r.state, r.reason, r.substituteFor])).toEqual([
      ['Minh', 'present_in_person', null, null],
      ['Sơn', 'unmarked', 'Đi công tác', null],
      ['Hùng', 'present_online', null, 'Lan'],
    ]);
  });

  it('orders items as the meeting took them up, then the ones never reached, each with its turns', () => {
    const { items } = itemSections(minutes());
    expect(items.map((i) => [i.number, i.startedAt !== null, i.turns.length])).toEqual([
      ['2', true, 1],
      ['1', false, 0],
    ]);
  });
});
