import { describe, expect, it } from '@jest/globals';
import { DEFAULT_VOTE_OPTIONS, type LiveRoomInfo, type LiveSeat, type LiveVote, type PresentationState } from '@phonghop/shared';
import { ballotStanding, belongsToCurrentItem, currentVote, lateCandidates, presentationKey, seatsNotVoted, voteHasStage } from './vote-standing';

function buildVote(overrides: Partial<LiveVote> = {}): LiveVote {
  return {
    status: 'open',
    question: 'Thông qua Kế hoạch cải cách hành chính năm 2027',
    kind: 'secret',
    rule: 'majority_of_cast',
    options: DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o })),
    maxChoices: 1,
    agendaItemId: 'item-2',
    quorumRequired: true,
    allowChange: false,
    durationSec: null,
    showLiveChoices: false,
    eligible: ['chair', 'nam', 'lan', 'son', 'bao'],
    voters: [],
    castCount: 0,
    totalMembers: 7,
    quorumAtOpening: { required: 4, present: 5, met: true },
    openedAt: '2026-12-03T08:00:00.000Z',
    closesAt: null,
    closedAt: null,
    liveCounts: null,
    result: null,
    cancelReason: null,
    ...overrides,
  };
}

const seat = (userId: string, role: LiveSeat['role'], fullName = userId, substitute: LiveSeat['substitute'] = null): LiveSeat => ({
  userId,
  fullName,
  position: '',
  role,
  substitute,
});
const seats: LiveSeat[] = [
  seat('thuky', 'secretary'),
  seat('nam', 'member', 'Lê Hoàng Nam'),
  seat('lan', 'member', 'Phạm Thị Lan', { userId: 'son-sub', fullName: 'Bùi Thanh Sơn' }),
  seat('chair', 'chair', 'Trần Văn Minh'),
  seat('son', 'member'),
  seat('bao', 'member'),
  seat('mai', 'member'),
  seat('khach', 'guest'),
];
const me = (role: LiveRoomInfo['me']['role'], seatUserId: string, userId = seatUserId): LiveRoomInfo['me'] => ({ userId, role, seatUserId });

describe('ballotStanding', () => {
  it('lets a member present at opening vote, once', () => {
    expect(ballotStanding(buildVote(), me('member', 'nam'))).toEqual({ kind: 'can-vote', seat: 'nam' });
    expect(ballotStanding(buildVote({ voters: ['nam'], castCount: 1 }), me('member', 'nam'))).toEqual({ kind: 'voted', seat: 'nam' });
  });

  it('counts the seat, not the person: a substitute votes in the member’s seat', () => {
    expect(ballotStanding(buildVote(), me('member', 'lan', 'son-sub'))).toEqual({ kind: 'can-vote', seat: 'lan' });
  });

  it('tells a member absent when the vote opened why there is no ballot, until the chair admits them', () => {
    const vote = buildVote();
    expect(ballotStanding(vote, me('member', 'mai'))).toEqual({ kind: 'not-eligible', reason: 'absentAtOpening' });
    expect(ballotStanding({ ...vote, eligible: [...vote.eligible, 'mai'] }, me('member', 'mai'))).toEqual({ kind: 'can-vote', seat: 'mai' });
  });

  it('gives guests, the secretary, the display and office staff no ballot', () => {
    const vote = buildVote({ eligible: ['khach', 'thuky', 'maychieu', 'staff'] });
    expect(ballotStanding(vote, me('guest', 'khach'))).toEqual({ kind: 'not-eligible', reason: 'guest' });
    expect(ballotStanding(vote, me('secretary', 'thuky'))).toEqual({ kind: 'not-eligible', reason: 'secretary' });
    expect(ballotStanding(vote, me('display', 'maychieu'))).toEqual({ kind: 'not-eligible', reason: 'display' });
    expect(ballotStanding(vote, me(null, 'staff'))).toEqual({ kind: 'not-eligible', reason: 'staff' });
  });
});

describe('seatsNotVoted', () => {
  it('lists who may vote and has not, chair first, in the roll call’s order', () => {
    const vote = buildVote({ voters: ['nam', 'son'], castCount: 2 });
    expect(seatsNotVoted(vote, seats).map((s) => s.userId)).toEqual(['chair', 'lan', 'bao']);
  });

  it('is empty once everyone has voted', () => {
    expect(seatsNotVoted(buildVote({ voters: ['chair', 'nam', 'lan', 'son', 'bao'], castCount: 5 }), seats)).toEqual([]);
  });
});

describe('lateCandidates', () => {
  it('offers voting seats present now that were not on the list at opening', () => {
    const attendance = {
      mai: { state: 'present_in_person' as const, arrivedAt: '2026-12-03T08:05:00.000Z' },
      khach: { state: 'present_in_person' as const },
      thuky: { state: 'present_in_person' as const },
      nam: { state: 'present_in_person' as const },
    };
    expect(lateCandidates(buildVote(), seats, attendance).map((s) => s.userId)).toEqual(['mai']);
    expect(lateCandidates(buildVote(), seats, { mai: { state: 'absent', reason: 'Đi công tác' } })).toEqual([]);
  });
});

describe('currentVote', () => {
  it('is the open vote while one is open', () => {
    const votes = { a: buildVote({ status: 'published', closedAt: '2026-12-03T09:00:00.000Z' }), b: buildVote() };
    expect(currentVote({ openVoteId: 'b', votes })?.id).toBe('b');
  });

  it('is otherwise the vote that ended last, and nothing before any vote', () => {
    const votes = {
      a: buildVote({ status: 'published', closedAt: '2026-12-03T08:10:00.000Z' }),
      b: buildVote({ status: 'cancelled', closedAt: '2026-12-03T08:30:00.000Z' }),
      c: buildVote({ status: 'closed', closedAt: '2026-12-03T08:20:00.000Z' }),
    };
    expect(currentVote({ openVoteId: null, votes })?.id).toBe('b');
    expect(currentVote({ openVoteId: null, votes: {} })).toBeNull();
  });
});

describe('belongsToCurrentItem', () => {
  it('keeps a vote with the item it decides, and a vote without an item with any', () => {
    expect(belongsToCurrentItem({ agendaItemId: 'item-2' }, 'item-2')).toBe(true);
    expect(belongsToCurrentItem({ agendaItemId: 'item-2' }, 'item-3')).toBe(false);
    expect(belongsToCurrentItem({ agendaItemId: null }, 'item-3')).toBe(true);
    expect(belongsToCurrentItem({ agendaItemId: 'item-2' }, null)).toBe(true);
  });
});

describe('voteHasStage (the projector)', () => {
  const page = (n: number): PresentationState => ({ documentId: 'plan', version: 1, page: n, presenterUserId: 'chair' });
  const room = (presentation: PresentationState | null, currentItemId = 'item-2') => ({ currentItemId, presentation });

  it('gives the wall to a vote while it runs and while it is counted, whatever is presented', () => {
    expect(voteHasStage(buildVote(), room(page(3)), null)).toBe(true);
    expect(voteHasStage(buildVote({ status: 'closed' }), room(page(3)), null)).toBe(true);
  });

  it('keeps a published result until another page is shown or another item opens', () => {
    const published = buildVote({ status: 'published' });
    const atResult = presentationKey(page(3));
    expect(voteHasStage(published, room(page(3)), atResult)).toBe(true);
    expect(voteHasStage(published, room(page(4)), atResult)).toBe(false);
    expect(voteHasStage(published, room(page(3), 'item-3'), atResult)).toBe(false);
    expect(voteHasStage(published, room(null), presentationKey(null))).toBe(true);
  });

  it('never shows a cancelled vote', () => {
    expect(voteHasStage(buildVote({ status: 'cancelled' }), room(null), null)).toBe(false);
  });
});
