import { describe, expect, it } from '@jest/globals';
import { tallyVote } from '../votes/tally.js';
import { DEFAULT_VOTE_OPTIONS } from '../votes/vote.schemas.js';
import { buildMinutesFacts, factsOfItem, type FactEvent } from './minutes-facts.js';
import { checkNamedBallots, compareFacts, flattenFacts } from './minutes-verify.js';

const T0 = Date.parse('2026-12-15T01:00:00.000Z');
const t = (sec: number): string => new Date(T0 + sec * 1000).toISOString();
let seq = 0;
const e = (sec: number, type: string, payload: unknown = {}): FactEvent => ({
  seq: ++seq,
  type,
  payload,
  at: t(sec),
});

const options = DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o }));
const definition = {
  kind: 'named',
  rule: 'majority_of_present',
  options,
  maxChoices: 1,
  agendaItemId: null,
  quorumRequired: true,
  allowChange: false,
  durationSec: null,
  showLiveChoices: false,
};
const result = tallyVote({
  ballots: [['yes'], ['no']],
  options,
  maxChoices: 1,
  rule: 'majority_of_present',
  eligible: 2,
  totalMembers: 3,
  quorum: { required: 2, presentAtClose: 2 },
});

seq = 0;
const SESSION: FactEvent[] = [
  e(-100, 'attendance.marked', { userId: 'chair', state: 'present_in_person' }),
  e(-90, 'attendance.marked', { userId: 'm1', state: 'present_online' }),
  e(-80, 'attendance.marked', {
    userId: 'm2',
    state: 'absent',
    reason: 'Đi công tác',
  }),
  e(0, 'meeting.started'), // 4
  e(5, 'speaker.requested', { userId: 'm1' }),
  e(6, 'speaker.granted', { userId: 'm1' }), // 6: a turn before any item
  e(10, 'agenda.item-opened', { itemId: 'item-1' }), // 7
  e(20, 'speaker.requested', { userId: 'chair' }),
  e(30, 'speaker.granted', { userId: 'chair' }), // 9: ends m1's turn (24 s), starts the chair's
  e(40, 'speaker.timer-paused'),
  e(100, 'speaker.timer-resumed'),
  e(110, 'speaker.turn-ended'), // 12: 10 + 10 = 20 s spoken
  e(120, 'vote.drafted', { voteId: 'v1', agendaItemId: null }),
  e(130, 'vote.opened', {
    voteId: 'v1',
    question: 'Thông qua kế hoạch',
    ...definition,
    eligible: ['chair', 'm1'],
    totalMembers: 3,
    quorum: { required: 2, present: 2, met: true },
    closesAt: null,
  }), // 14
  e(131, 'vote.ballot-cast', {
    voteId: 'v1',
    voterUserId: 'chair',
    castCount: 1,
    recordedBySecretary: false,
  }),
  e(132, 'vote.ballot-cast', {
    voteId: 'v1',
    voterUserId: 'm2',
    castCount: 2,
    recordedBySecretary: false,
  }), // 16: not eligible → ignored
  e(133, 'vote.ballot-cast', {
    voteId: 'v1',
    voterUserId: 'm1',
    castCount: 2,
    recordedBySecretary: false,
  }),
  e(140, 'vote.closed', { voteId: 'v1', castCount: 2, by: 'chair' }), // 18
  e(141, 'vote.published', { voteId: 'v1', result }), // 19
  e(150, 'agenda.item-opened', { itemId: 'item-2' }), // 20: closes item-1
  e(160, 'speaker.requested', { userId: 'm1' }),
  e(170, 'speaker.granted', { userId: 'm1' }), // 22
  e(200, 'meeting.ended'), // 23: ends m1's turn and item-2
];

describe('buildMinutesFacts', () => {
  const facts = buildMinutesFacts(SESSION, 'head');

  it('records the start and the end with their seqs', () => {
    expect(facts.started).toEqual({ at: t(0), seq: 4 });
    expect(facts.ended).toEqual({ at: t(200), seq: 23 });
    expect(facts.lastSeq).toBe(23);
    expect(facts.headHash).toBe('head');
  });

  it('keeps attendance with reasons and the events behind each mark', () => {
    expect(facts.attendance).toEqual([
      {
        userId: 'chair',
        state: 'present_in_person',
        reason: null,
        arrivedAt: t(-100),
        leftAt: null,
        seqs: [1],
      },
      {
        userId: 'm1',
        state: 'present_online',
        reason: null,
        arrivedAt: t(-90),
        leftAt: null,
        seqs: [2],
      },
      {
        userId: 'm2',
        state: 'absent',
        reason: 'Đi công tác',
        arrivedAt: null,
        leftAt: null,
        seqs: [3],
      },
    ]);
  });

  it('lists items in the order handled, with actual times', () => {
    expect(facts.items).toEqual([
      {
        itemId: 'item-1',
        order: 1,
        startedAt: t(10),
        endedAt: t(150),
        openSeqs: [7],
        closeSeqs: [20],
      },
      {
        itemId: 'item-2',
        order: 2,
        startedAt: t(150),
        endedAt: t(200),
        openSeqs: [20],
        closeSeqs: [23],
      },
    ]);
  });

  it('keys speaking turns by the grant seq, with the reducer’s speaking time (pauses excluded)', () => {
    expect(facts.turns).toEqual([
      {
        seq: 6,
        userId: 'm1',
        itemId: null,
        startedAt: t(6),
        endedAt: t(30),
        endSeq: 9,
        durationMs: 24_000,
      },
      {
        seq: 9,
        userId: 'chair',
        itemId: 'item-1',
        startedAt: t(30),
        endedAt: t(110),
        endSeq: 12,
        durationMs: 20_000,
      },
      {
        seq: 22,
        userId: 'm1',
        itemId: 'item-2',
        startedAt: t(170),
        endedAt: t(200),
        endSeq: 23,
        durationMs: 30_000,
      },
    ]);
    expect(factsOfItem(facts, null).turns.map((x) => x.seq)).toEqual([6]);
  });

  it('takes a vote from opening to publication, voters in order, an ineligible ballot ignored', () => {
    expect(facts.votes).toHaveLength(1);
    const v = facts.votes[0];
    expect(v).toMatchObject({
      voteId: 'v1',
      itemId: 'item-1',
      question: 'Thông qua kế hoạch',
      kind: 'named',
      status: 'published',
      openSeq: 14,
      closeSeq: 18,
      publishSeq: 19,
      castCount: 2,
      eligibleCount: 2,
    });
    expect(v.voters).toEqual([
      { userId: 'chair', seq: 15 },
      { userId: 'm1', seq: 17 },
    ]);
    expect(v.result).toEqual(result);
  });

  it('counts a late admission among the eligible, and keeps that count once the vote is published', () => {
    // m2 admitted right after the opening (seq 14): the ballot that was ignored now counts
    const admitted: FactEvent = { seq: 0, type: 'vote.late-admitted', payload: { voteId: 'v1', userId: 'm2' }, at: t(130) };
    const log = [...SESSION.slice(0, 14), admitted, ...SESSION.slice(14)].map((x, i) => ({ ...x, seq: i + 1 }));
    expect(buildMinutesFacts(log.slice(0, 15)).votes[0]).toMatchObject({ status: 'open', eligibleCount: 3 });
    expect(buildMinutesFacts(log).votes[0]).toMatchObject({ status: 'published', eligibleCount: 3 });
  });

  it('derives the same facts from the same log (deterministic), and a prefix gives fewer facts', () => {
    expect(buildMinutesFacts(SESSION, 'head')).toEqual(facts);
    const early = buildMinutesFacts(SESSION.slice(0, 9));
    expect(early.ended).toBeNull();
    expect(early.turns.at(-1)).toMatchObject({
      seq: 9,
      endSeq: null,
      durationMs: null,
    });
  });
});

describe('compareFacts', () => {
  const facts = buildMinutesFacts(SESSION);

  it('confirms every fact of minutes derived from the same log', () => {
    const checks = compareFacts(facts, buildMinutesFacts(SESSION));
    expect(checks.length).toBe(flattenFacts(facts).length);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('names the fact whose stored value was retyped', () => {
    const stored = structuredClone(facts);
    stored.votes[0].result!.options[0].count = 2;
    const bad = compareFacts(stored, facts).filter((c) => !c.ok);
    expect(bad).toEqual([
      {
        key: 'vote:v1',
        seqs: [14, 18, 19],
        ok: false,
        problem: 'Nội dung khác với nhật ký cuộc họp.',
      },
    ]);
  });

  it('reports a fact the log lost and a fact the minutes lack', () => {
    const changedLog = SESSION.map((ev) => (ev.seq === 3 ? { ...ev, payload: { userId: 'm2', state: 'present_in_person' } } : ev));
    const bad = compareFacts(facts, buildMinutesFacts(changedLog)).filter((c) => !c.ok);
    expect(bad.map((c) => c.key)).toContain('attendance:m2');
    const fewer = compareFacts(buildMinutesFacts(SESSION.slice(0, 12)), facts).filter((c) => !c.ok);
    expect(fewer.map((c) => c.key)).toEqual(expect.arrayContaining(['meeting.ended', 'vote:v1', 'turn:22']));
  });
});

describe('checkNamedBallots', () => {
  const vote = buildMinutesFacts(SESSION).votes[0];

  it('accepts ballots whose voters and counts match the log', () => {
    const check = checkNamedBallots(vote, [
      { seatUserId: 'm1', choices: ['no'] },
      { seatUserId: 'chair', choices: ['yes'] },
    ]);
    expect(check).toEqual({ key: 'ballots:v1', seqs: [15, 17, 19], ok: true });
  });

  it('refuses a changed choice and a voter the log does not know', () => {
    expect(
      checkNamedBallots(vote, [
        { seatUserId: 'm1', choices: ['yes'] },
        { seatUserId: 'chair', choices: ['yes'] },
      ]).ok,
    ).toBe(false);
    expect(
      checkNamedBallots(vote, [
        { seatUserId: 'm2', choices: ['no'] },
        { seatUserId: 'chair', choices: ['yes'] },
      ]).problem,
    ).toBe('Danh sách người đã biểu quyết khác với nhật ký cuộc họp.');
  });
});
