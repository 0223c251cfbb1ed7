import {
  ballotIssue,
  isYesNoVote,
  maxChoicesIssue,
  optionsIssue,
  type VoteOption,
  type VoteOptionRole,
  type VoteRule,
} from './vote.schemas.js';

export const VOTE_OUTCOMES = ['passed', 'rejected', 'no_quorum'] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

export const VOTE_OUTCOME_LABELS_VI: Readonly<Record<VoteOutcome, string>> = {
  passed: 'Thông qua',
  rejected: 'Không thông qua',
  no_quorum: 'Không đủ số lượng đại biểu để biểu quyết',
};

/** yes_no: the options include a `yes` option and only it can carry; choice: every non-abstain option can. */
export type VoteMode = 'yes_no' | 'choice';

export interface VoteQuorumCheck {
  required: number;
  /** Voting members present when the vote closed. */
  presentAtClose: number;
}

export interface TallyInput {
  /** One entry per ballot: the option keys chosen. Only valid ballots (the server checks them before storing). */
  ballots: readonly (readonly string[])[];
  options: readonly VoteOption[];
  maxChoices: number;
  rule: VoteRule;
  /** Voting members present when the vote opened; fixed at opening, only they may vote. */
  eligible: number;
  /** All voting seats of the meeting, present or not. */
  totalMembers: number;
  /** null: the vote does not require a quorum. */
  quorum: VoteQuorumCheck | null;
}

export interface VoteOptionTally {
  key: string;
  label: string;
  role: VoteOptionRole | null;
  count: number;
  /** count / base in percent, rounded half up to 2 decimals; 0 when the base is 0. */
  percentOfBase: number;
  /** This option is adopted: it can carry the vote and has at least `threshold` votes (never without a quorum). */
  reached: boolean;
}

export interface VoteResult {
  outcome: VoteOutcome;
  outcomeLabel: string;
  mode: VoteMode;
  rule: VoteRule;
  /** The rule's denominator: ballots cast, eligible members or all members. */
  base: number;
  /** Votes an option needs to carry. */
  threshold: number;
  cast: number;
  /** Eligible members who did not vote. */
  notVoted: number;
  eligible: number;
  totalMembers: number;
  quorum: (VoteQuorumCheck & { met: boolean }) | null;
  options: VoteOptionTally[];
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** "Quá nửa": more than half, so exactly half is not enough. 7 → 4, 8 → 5. */
export function majorityOf(n: number): number {
  assertCount(n, 'n');
  return Math.floor(n / 2) + 1;
}

/** "Ít nhất hai phần ba": ceil(2n/3) with integers only. 9 → 6, 8 → 6, 7 → 5. */
export function twoThirdsOf(n: number): number {
  assertCount(n, 'n');
  return Math.floor((2 * n + 2) / 3);
}

export function voteBase(rule: VoteRule, counts: { cast: number; eligible: number; totalMembers: number }): number {
  switch (rule) {
    case 'majority_of_cast':
      return counts.cast;
    case 'majority_of_present':
      return counts.eligible;
    case 'majority_of_all':
    case 'two_thirds_of_all':
      return counts.totalMembers;
  }
}

/** Never below 1: nothing carries with zero votes (two thirds of 0 would otherwise be 0). */
export function voteThreshold(rule: VoteRule, base: number): number {
  switch (rule) {
    case 'majority_of_cast':
    case 'majority_of_present':
    case 'majority_of_all':
      return majorityOf(base);
    case 'two_thirds_of_all':
      return Math.max(1, twoThirdsOf(base));
  }
}

/** count / base in percent, rounded half up to 2 decimals with integer arithmetic: 2 of 3 → 66.67, 1 of 32 → 3.13. */
export function percentOf(count: number, base: number): number {
  assertCount(count, 'count');
  assertCount(base, 'base');
  if (base === 0) return 0;
  const hundredths = Math.floor((count * 20000 + base) / (2 * base));
  return hundredths / 100;
}

/**
 * The result of a closed vote. Pure: the same ballots and counts always give the same result. Abstentions are
 * ballots, so under majority_of_cast they count in the base (an abstention weighs like a "no"). Throws RangeError on
 * input the server never stores: an invalid ballot, options or maxChoices, more ballots than eligible members.
 */
export function tallyVote(input: TallyInput): VoteResult {
  const { ballots, options, maxChoices, rule, eligible, totalMembers, quorum } = input;
  assertCount(eligible, 'eligible');
  assertCount(totalMembers, 'totalMembers');
  if (eligible > totalMembers) throw new RangeError(`eligible (${eligible}) exceeds totalMembers (${totalMembers})`);
  if (quorum) {
    assertCount(quorum.required, 'quorum.required');
    assertCount(quorum.presentAtClose, 'quorum.presentAtClose');
    if (quorum.presentAtClose > totalMembers) throw new RangeError(`presentAtClose (${quorum.presentAtClose}) exceeds totalMembers (${totalMembers})`);
  }
  const optionsProblem = optionsIssue(options) ?? maxChoicesIssue(options, maxChoices);
  if (optionsProblem) throw new RangeError(`invalid options: ${optionsProblem}`);
  const cast = ballots.length;
  if (cast > eligible) throw new RangeError(`${cast} ballots from ${eligible} eligible members`);

  const counts = new Map(options.map((o) => [o.key, 0]));
  ballots.forEach((choices, i) => {
    const issue = ballotIssue(choices, { options, maxChoices });
    if (issue) throw new RangeError(`ballot ${i} is invalid (${issue.code}): ${issue.message}`);
    for (const key of choices) counts.set(key, (counts.get(key) ?? 0) + 1);
  });

  const mode: VoteMode = isYesNoVote(options) ? 'yes_no' : 'choice';
  const base = voteBase(rule, { cast, eligible, totalMembers });
  const threshold = voteThreshold(rule, base);
  const quorumMet = quorum === null || quorum.presentAtClose >= quorum.required;
  const canCarry = (role: VoteOptionRole | undefined) => (mode === 'yes_no' ? role === 'yes' : role !== 'abstain');

  const tallies = options.map((o): VoteOptionTally => {
    const count = counts.get(o.key) ?? 0;
    return {
      key: o.key,
      label: o.label,
      role: o.role ?? null,
      count,
      percentOfBase: percentOf(count, base),
      reached: quorumMet && canCarry(o.role) && count >= threshold,
    };
  });

  const outcome: VoteOutcome = !quorumMet ? 'no_quorum' : tallies.some((t) => t.reached) ? 'passed' : 'rejected';
  return {
    outcome,
    outcomeLabel: VOTE_OUTCOME_LABELS_VI[outcome],
    mode,
    rule,
    base,
    threshold,
    cast,
    notVoted: eligible - cast,
    eligible,
    totalMembers,
    quorum: quorum ? { required: quorum.required, presentAtClose: quorum.presentAtClose, met: quorumMet } : null,
    options: tallies,
  };
}
