import { describe, expect, it } from '@jest/globals';
import { majorityOf, percentOf, tallyVote, twoThirdsOf, voteThreshold, type TallyInput } from './tally.js';
import { DEFAULT_VOTE_OPTIONS, type VoteOption, type VoteRule } from './vote.schemas.js';

/** `n` ballots for each key, in order. */
const ballotsOf = (counts: Record<string, number>): string[][] =>
  Object.entries(counts).flatMap(([key, n]) => Array.from({ length: n }, () => [key]));

const yesNo = (overrides: Partial<TallyInput> & { yes?: number; no?: number; abstain?: number } = {}): TallyInput => {
  const { yes = 0, no = 0, abstain = 0, ...rest } = overrides;
  return {
    ballots: ballotsOf({ yes, no, abstain }),
    options: DEFAULT_VOTE_OPTIONS,
    maxChoices: 1,
    rule: 'majority_of_cast',
    eligible: 9,
    totalMembers: 9,
    quorum: null,
    ...rest,
  };
};

const countOf = (result: ReturnType<typeof tallyVote>, key: string) => result.options.find((o) => o.key === key);

describe('thresholds', () => {
  it.each([
    [0, 1, 0],
    [1, 1, 1],
    [2, 2, 2],
    [3, 2, 2],
    [6, 4, 4],
    [7, 4, 5],
    [8, 5, 6],
    [9, 5, 6],
    [10, 6, 7],
    [30, 16, 20],
    [31, 16, 21],
  ])('of %i: more than half is %i, two thirds is %i', (n, half, twoThirds) => {
    expect(majorityOf(n)).toBe(half);
    expect(twoThirdsOf(n)).toBe(twoThirds);
  });

  it('never needs fewer than one vote, even two thirds of nobody', () => {
    expect(voteThreshold('two_thirds_of_all', 0)).toBe(1);
    expect(voteThreshold('majority_of_cast', 0)).toBe(1);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => majorityOf(-1)).toThrow(RangeError);
    expect(() => twoThirdsOf(2.5)).toThrow(RangeError);
  });
});

describe('tallyVote: each rule', () => {
  // rule, totalMembers, eligible, yes, no, abstain → base, threshold, outcome
  it.each<[VoteRule, number, number, number, number, number, number, number, string]>([
    ['majority_of_cast', 7, 7, 4, 3, 0, 7, 4, 'passed'],
    ['majority_of_cast', 9, 9, 5, 4, 0, 9, 5, 'passed'],
    ['majority_of_cast', 8, 8, 4, 4, 0, 8, 5, 'rejected'],
    ['majority_of_cast', 9, 9, 4, 3, 2, 9, 5, 'rejected'],
    ['majority_of_cast', 9, 9, 3, 2, 0, 5, 3, 'passed'],
    ['majority_of_present', 9, 8, 4, 2, 1, 8, 5, 'rejected'],
    ['majority_of_present', 9, 8, 5, 0, 0, 8, 5, 'passed'],
    ['majority_of_present', 7, 7, 4, 0, 0, 7, 4, 'passed'],
    ['majority_of_present', 7, 6, 3, 3, 0, 6, 4, 'rejected'],
    ['majority_of_all', 9, 7, 5, 2, 0, 9, 5, 'passed'],
    ['majority_of_all', 9, 7, 4, 0, 0, 9, 5, 'rejected'],
    ['majority_of_all', 8, 8, 4, 4, 0, 8, 5, 'rejected'],
    ['majority_of_all', 8, 6, 5, 1, 0, 8, 5, 'passed'],
    ['two_thirds_of_all', 9, 9, 6, 3, 0, 9, 6, 'passed'],
    ['two_thirds_of_all', 9, 9, 5, 4, 0, 9, 6, 'rejected'],
    ['two_thirds_of_all', 8, 8, 6, 2, 0, 8, 6, 'passed'],
    ['two_thirds_of_all', 8, 7, 5, 2, 0, 8, 6, 'rejected'],
    ['two_thirds_of_all', 7, 7, 5, 1, 1, 7, 5, 'passed'],
    ['two_thirds_of_all', 7, 7, 4, 0, 0, 7, 5, 'rejected'],
  ])('%s, %i members, %i present: %i yes, %i no, %i abstain → base %i, needs %i, %s', (rule, totalMembers, eligible, yes, no, abstain, base, threshold, outcome) => {
    const r = tallyVote(yesNo({ rule, totalMembers, eligible, yes, no, abstain }));
    expect(r).toMatchObject({ rule, base, threshold, outcome, mode: 'yes_no', cast: yes + no + abstain, notVoted: eligible - yes - no - abstain });
    expect(countOf(r, 'yes')).toMatchObject({ count: yes, reached: outcome === 'passed' });
  });

  it('labels the outcome in Vietnamese', () => {
    expect(tallyVote(yesNo({ yes: 5 })).outcomeLabel).toBe('Thông qua');
    expect(tallyVote(yesNo({ yes: 1, no: 1 })).outcomeLabel).toBe('Không thông qua');
    expect(tallyVote(yesNo({ yes: 5, quorum: { required: 5, presentAtClose: 4 } })).outcomeLabel).toBe('Không đủ số lượng đại biểu để biểu quyết');
  });

  it('a tie is not a majority', () => {
    const r = tallyVote(yesNo({ totalMembers: 10, eligible: 10, yes: 5, no: 5 }));
    expect(r).toMatchObject({ base: 10, threshold: 6, outcome: 'rejected' });
  });

  it('a "no" majority rejects: in a yes/no vote only "yes" can carry', () => {
    const r = tallyVote(yesNo({ yes: 2, no: 7 }));
    expect(r.outcome).toBe('rejected');
    expect(r.options.map((o) => o.reached)).toEqual([false, false, false]);
  });
});

describe('tallyVote: edge cases', () => {
  it.each<[VoteRule, number]>([
    ['majority_of_cast', 0],
    ['majority_of_present', 7],
    ['majority_of_all', 9],
    ['two_thirds_of_all', 9],
  ])('no ballots under %s: rejected, base %i, every percent 0', (rule, base) => {
    const r = tallyVote(yesNo({ rule, eligible: 7 }));
    expect(r).toMatchObject({ outcome: 'rejected', base, cast: 0, notVoted: 7 });
    expect(r.threshold).toBeGreaterThanOrEqual(1);
    expect(r.options.map((o) => [o.count, o.percentOfBase, o.reached])).toEqual([
      [0, 0, false],
      [0, 0, false],
      [0, 0, false],
    ]);
  });

  it('everyone abstains: abstentions are cast ballots, so majority_of_cast has a base of 7 and nothing carries', () => {
    const r = tallyVote(yesNo({ totalMembers: 7, eligible: 7, abstain: 7 }));
    expect(r).toMatchObject({ outcome: 'rejected', base: 7, threshold: 4, cast: 7, notVoted: 0 });
    expect(countOf(r, 'abstain')).toMatchObject({ count: 7, percentOfBase: 100, reached: false });
  });

  it('abstentions weigh like "no" under majority_of_cast: 4 yes, 3 no, 2 abstain is not passed', () => {
    expect(tallyVote(yesNo({ yes: 4, no: 3, abstain: 2 })).outcome).toBe('rejected');
    expect(tallyVote(yesNo({ yes: 4, no: 3 })).outcome).toBe('passed');
  });

  it('quorum lost at closing: no_quorum, counts still reported, nothing reached', () => {
    const r = tallyVote(yesNo({ eligible: 7, yes: 7, quorum: { required: 5, presentAtClose: 4 } }));
    expect(r).toMatchObject({ outcome: 'no_quorum', cast: 7, quorum: { required: 5, presentAtClose: 4, met: false } });
    expect(countOf(r, 'yes')).toMatchObject({ count: 7, reached: false });
  });

  it('quorum exactly met at closing passes; without a quorum requirement presence is not looked at', () => {
    expect(tallyVote(yesNo({ yes: 5, quorum: { required: 5, presentAtClose: 5 } }))).toMatchObject({ outcome: 'passed', quorum: { met: true } });
    expect(tallyVote(yesNo({ yes: 5, quorum: null }))).toMatchObject({ outcome: 'passed', quorum: null });
  });

  it('no eligible members: nobody could vote, rejected under every rule, no division by zero', () => {
    for (const rule of ['majority_of_cast', 'majority_of_present', 'majority_of_all', 'two_thirds_of_all'] as const) {
      const r = tallyVote(yesNo({ rule, eligible: 0, totalMembers: 5 }));
      expect(r).toMatchObject({ outcome: 'rejected', cast: 0, notVoted: 0 });
      expect(r.options.every((o) => o.percentOfBase === 0)).toBe(true);
    }
    expect(tallyVote(yesNo({ rule: 'two_thirds_of_all', eligible: 0, totalMembers: 0 }))).toMatchObject({ base: 0, threshold: 1, outcome: 'rejected' });
  });

  it('is pure: does not touch its input and gives the same result twice', () => {
    const input = yesNo({ yes: 5, no: 2, quorum: { required: 5, presentAtClose: 8 } });
    const frozen = Object.freeze({ ...input, ballots: Object.freeze(input.ballots.map((b) => Object.freeze([...b]))) });
    expect(tallyVote(frozen)).toEqual(tallyVote(frozen));
  });
});

describe('tallyVote: percentages', () => {
  it('rounds half up to 2 decimals with integers', () => {
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(1, 6)).toBe(16.67);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 32)).toBe(3.13); // 3.125 exactly: half up
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('reports each option against the rule base', () => {
    const r = tallyVote(yesNo({ rule: 'majority_of_all', totalMembers: 9, eligible: 7, yes: 5, no: 1, abstain: 1 }));
    expect(r.options.map((o) => [o.key, o.label, o.count, o.percentOfBase])).toEqual([
      ['yes', 'Đồng ý', 5, 55.56],
      ['no', 'Không đồng ý', 1, 11.11],
      ['abstain', 'Không biểu quyết', 1, 11.11],
    ]);
  });
});

describe('tallyVote: custom options', () => {
  const plans: VoteOption[] = [
    { key: 'a', label: 'Phương án A' },
    { key: 'b', label: 'Phương án B' },
    { key: 'c', label: 'Phương án C' },
    { key: 'none', label: 'Không biểu quyết', role: 'abstain' },
  ];
  const custom = (ballots: string[][], rule: VoteRule = 'majority_of_cast'): TallyInput => ({
    ballots,
    options: plans,
    maxChoices: 2,
    rule,
    eligible: 7,
    totalMembers: 7,
    quorum: null,
  });

  it('with two choices per ballot, every option that reaches the threshold is adopted', () => {
    const r = tallyVote(custom([['a', 'b'], ['a', 'b'], ['a', 'b'], ['c'], ['c']]));
    expect(r).toMatchObject({ mode: 'choice', outcome: 'passed', base: 5, threshold: 3, cast: 5, notVoted: 2 });
    expect(r.options.map((o) => [o.key, o.count, o.percentOfBase, o.reached])).toEqual([
      ['a', 3, 60, true],
      ['b', 3, 60, true],
      ['c', 2, 40, false],
      ['none', 0, 0, false],
    ]);
  });

  it('one adopted option passes the vote', () => {
    const r = tallyVote(custom([['a', 'b'], ['a', 'c'], ['a'], ['b'], ['none']]));
    expect(r.outcome).toBe('passed');
    expect(r.options.filter((o) => o.reached).map((o) => o.key)).toEqual(['a']);
  });

  it('no option reaching the threshold rejects; the abstention never carries', () => {
    expect(tallyVote(custom([['a'], ['b'], ['c'], ['none']])).outcome).toBe('rejected');
    const r = tallyVote(custom([['none'], ['none'], ['none'], ['none'], ['a']]));
    expect(r.outcome).toBe('rejected');
    expect(r.options.find((o) => o.key === 'none')).toMatchObject({ count: 4, reached: false });
  });

  it('two thirds of all members applies per option', () => {
    const ballots = [['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'b'], ['a'], ['c']];
    const r = tallyVote(custom(ballots, 'two_thirds_of_all'));
    expect(r).toMatchObject({ base: 7, threshold: 5, outcome: 'passed' });
    expect(r.options.map((o) => o.reached)).toEqual([true, false, false, false]);
  });
});

describe('tallyVote: input the server never stores', () => {
  it.each<[string, string[]]>([
    ['an unknown option', ['maybe']],
    ['too many choices', ['yes', 'no']],
    ['a duplicate choice', ['yes', 'yes']],
    ['an empty ballot', []],
    ['an abstention with another choice', ['abstain', 'yes']],
  ])('throws RangeError on %s', (_what, ballot) => {
    expect(() => tallyVote({ ...yesNo({ yes: 2 }), ballots: [['yes'], ballot] })).toThrow(RangeError);
  });

  it('names the invalid ballot', () => {
    expect(() => tallyVote({ ...yesNo(), ballots: [['yes'], ['maybe']] })).toThrow(/ballot 1 is invalid \(UNKNOWN_OPTION\)/);
  });

  it('throws on counts that cannot be', () => {
    expect(() => tallyVote(yesNo({ eligible: 2, yes: 3 }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ eligible: 10, totalMembers: 9 }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ eligible: -1 }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ totalMembers: 9.5 }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ quorum: { required: 5, presentAtClose: 10 } }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ quorum: { required: -1, presentAtClose: 5 } }))).toThrow(RangeError);
  });

  it('throws on options or maxChoices no vote can be created with', () => {
    expect(() => tallyVote(yesNo({ maxChoices: 2 }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] }))).toThrow(RangeError);
    expect(() => tallyVote(yesNo({ options: [{ key: 'a', label: 'A' }] }))).toThrow(RangeError);
  });
});
