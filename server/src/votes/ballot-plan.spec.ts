import { describe, expect, it } from '@jest/globals';
import { DEFAULT_VOTE_OPTIONS, type MeetingEventDto } from '@phonghop/shared';
import type { ParticipantRow } from '../meetings/meeting-access.js';
import { type BallotRequest, type BatchReads, type BatchVote, countDeltas, type ItemPlan, planBallots } from './ballot-plan.js';

const NOW = new Date('2026-12-15T02:00:00Z');
const member = (userId: string): ParticipantRow => ({ userId, role: 'member', rsvp: 'accepted', substituteUserId: null });

const vote = (over: Partial<BatchVote> = {}): BatchVote => ({
  id: 'v1',
  status: 'open',
  closesAt: null,
  kind: 'open',
  eligible: ['an', 'binh', 'cuong'],
  allowChange: false,
  castCount: 0,
  options: [...DEFAULT_VOTE_OPTIONS],
  maxChoices: 1,
  showLiveChoices: false,
  ...over,
});

function reads(over: Partial<BatchReads> = {}): BatchReads {
  return {
    meetingStatus: 'in_progress',
    participants: [member('an'), member('binh'), { userId: 'cuong', role: 'member', rsvp: 'delegated', substituteUserId: 'dung' }, { userId: 'khach', role: 'guest', rsvp: 'accepted', substituteUserId: null }],
    stored: new Map(),
    votes: new Map([['v1', vote()]]),
    cast: new Set(),
    ballots: new Map(),
    counts: new Map(),
    now: NOW,
    ...over,
  };
}

let keys = 0;
const ballot = (userId: string, choices: string[], over: Partial<BallotRequest> = {}): BallotRequest => ({
  meetingId: 'm1',
  voteId: 'v1',
  choices,
  idempotencyKey: `k${++keys}`,
  sender: { userId, systemRole: 'member' },
  recordFor: null,
  recordedBySecretary: false,
  ...over,
});

const codeOf = (plan: ItemPlan) => (plan.kind === 'refused' ? (plan.error as { code?: string }).code : plan.kind);

describe('planBallots (a batch of ballots decided in memory)', () => {
  it('writes each member’s ballot in their seat with the count running on; a substitute votes in the seat they hold', () => {
    const plans = planBallots([ballot('an', ['yes']), ballot('dung', ['no']), ballot('binh', ['abstain'])], reads());
    expect(plans.map((p) => (p.kind === 'write' ? [p.ballot.seat, p.ballot.castCount, p.ballot.previous] : p.kind))).toEqual([
      ['an', 1, null],
      ['cuong', 2, null],
      ['binh', 3, null],
    ]);
  });

  it('answers a retry racing its original in the same batch as that original, and a key already in the log from the log', () => {
    const first = ballot('an', ['yes']);
    const stored: MeetingEventDto = { meetingId: 'm1', seq: 41, type: 'vote.ballot-cast', payload: { voteId: 'v1' }, actorUserId: 'binh', at: NOW.toISOString(), hash: 'h' };
    const old = ballot('binh', ['no']);
    const plans = planBallots([first, { ...first }, old], reads({ stored: new Map([[old.idempotencyKey, stored]]), cast: new Set(['v1:binh']) }));
    expect(plans).toEqual([expect.objectContaining({ kind: 'write' }), { kind: 'same-as', index: 0 }, { kind: 'stored', ack: { seq: 41, voteId: 'v1' } }]);
  });

  it('refuses, changing nothing for the ballots after it: a second ballot of a seat, a guest, an outsider, an ineligible seat, a bad option', () => {
    const plans = planBallots(
      [ballot('an', ['yes']), ballot('an', ['no']), ballot('khach', ['yes']), ballot('la', ['yes']), ballot('binh', ['maybe']), ballot('binh', ['no'])],
      reads({ votes: new Map([['v1', vote({ eligible: ['an', 'binh'] })]]) }),
    );
    expect(plans.map(codeOf)).toEqual(['write', 'VOTE_ALREADY_CAST', 'VOTE_NOT_ELIGIBLE', 'NOT_FOUND', 'VOTE_INVALID_CHOICE', 'write']);
    expect(plans[5]).toMatchObject({ ballot: { castCount: 2 } });
    const late = planBallots([ballot('dung', ['yes'])], reads({ votes: new Map([['v1', vote({ eligible: ['an', 'binh'] })]]) }));
    expect(late.map(codeOf)).toEqual(['VOTE_NOT_ELIGIBLE']);
  });

  it('refuses every ballot of a closed vote, of one past its deadline, of a missing vote or meeting, and the secretary’s record of a secret one', () => {
    expect(planBallots([ballot('an', ['yes'])], reads({ votes: new Map([['v1', vote({ status: 'closed' })]]) })).map(codeOf)).toEqual(['VOTE_NOT_OPEN']);
    expect(planBallots([ballot('an', ['yes'])], reads({ votes: new Map([['v1', vote({ closesAt: NOW })]]) })).map(codeOf)).toEqual(['VOTE_NOT_OPEN']);
    expect(planBallots([ballot('an', ['yes'])], reads({ votes: new Map() })).map(codeOf)).toEqual(['NOT_FOUND']);
    expect(planBallots([ballot('an', ['yes'])], reads({ meetingStatus: null })).map(codeOf)).toEqual(['NOT_FOUND']);
    const record = ballot('thuky', ['yes'], { recordFor: 'an', recordedBySecretary: true, sender: { userId: 'thuky', systemRole: 'secretary' } });
    expect(planBallots([record], reads({ votes: new Map([['v1', vote({ kind: 'secret' })]]) })).map(codeOf)).toEqual(['VOTE_RECORD_NOT_ALLOWED']);
    expect(planBallots([record], reads()).map(codeOf)).toEqual(['write']);
  });

  it('changes a ballot where the vote allows it: the count stays, the live counts move, the counters get the difference', () => {
    const live = vote({ allowChange: true, showLiveChoices: true, castCount: 1 });
    const plans = planBallots(
      [ballot('an', ['no']), ballot('binh', ['yes']), ballot('an', ['abstain'])],
      reads({ votes: new Map([['v1', live]]), cast: new Set(['v1:an']), ballots: new Map([['v1:an', ['yes']]]), counts: new Map([['v1', { yes: 1, no: 0, abstain: 0 }]]) }),
    );
    const written = plans.flatMap((p) => (p.kind === 'write' ? [p.ballot] : []));
    expect(written.map((b) => [b.seat, b.previous, b.castCount, b.liveCounts])).toEqual([
      ['an', ['yes'], 1, { yes: 0, no: 1, abstain: 0 }],
      ['binh', null, 2, { yes: 1, no: 1, abstain: 0 }],
      ['an', ['no'], 2, { yes: 1, no: 0, abstain: 1 }],
    ]);
    expect(countDeltas(written)).toEqual(new Map([['v1', new Map([['yes', 0], ['no', 0], ['abstain', 1]])]]));
  });
});
