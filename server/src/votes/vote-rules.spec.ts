import { describe, expect, it } from '@jest/globals';
import { DEFAULT_VOTE_OPTIONS, tallyVote, type VoteOption } from '@phonghop/shared';
import type { ParticipantRow } from '../meetings/meeting-access.js';
import { ballotsFromCounts, canRunVoteCommand, presentSeats, quorumNow, seatOf, votingSeatOf, votingSeats } from './vote-rules.js';

const P = (userId: string, role: ParticipantRow['role'], extra: Partial<ParticipantRow> = {}): ParticipantRow => ({ userId, role, rsvp: 'attending', substituteUserId: null, ...extra });
const PARTICIPANTS = [
  P('chair', 'chair'),
  P('m1', 'member'),
  P('m2', 'member', { rsvp: 'delegated', substituteUserId: 'sub' }),
  P('m3', 'member', { substituteUserId: 'not-delegated' }),
  P('sec', 'secretary'),
  P('g', 'guest'),
  P('tv', 'display'),
];
const present = { state: 'present_in_person' as const };

describe('who votes', () => {
  it('voting seats are the chair and members; a delegated seat is held by its substitute', () => {
    expect(votingSeats(PARTICIPANTS)).toEqual([
      { userId: 'chair', substituteUserId: null },
      { userId: 'm1', substituteUserId: null },
      { userId: 'm2', substituteUserId: 'sub' },
      { userId: 'm3', substituteUserId: null },
    ]);
    const seats = votingSeats(PARTICIPANTS);
    expect(seatOf('sub', seats)?.userId).toBe('m2');
    expect(seatOf('not-delegated', seats)).toBeNull();
    expect(seatOf('g', seats)).toBeNull();
  });

  it('the seats present when a vote opens: holder or substitute, in person or online', () => {
    const seats = votingSeats(PARTICIPANTS);
    const attendance = { chair: present, m1: { state: 'present_online' as const }, sub: present, m3: { state: 'absent' as const }, g: present };
    expect(presentSeats(seats, attendance)).toEqual(['chair', 'm1', 'm2']);
    expect(quorumNow(seats, attendance, { kind: 'more_than_half' })).toEqual({ voting: 4, present: 3, required: 3, met: true });
    expect(quorumNow(seats, attendance, { kind: 'at_least_fraction', numerator: 3, denominator: 4 })).toMatchObject({ required: 3, met: true });
    expect(quorumNow(seats, { chair: present }, { kind: 'more_than_half' })).toMatchObject({ present: 1, met: false });
  });

  it('a viewer votes in the seat they hold, only as chair or member', () => {
    expect(votingSeatOf({ role: 'member', seatUserId: 'm2', asSubstitute: true })).toBe('m2');
    expect(votingSeatOf({ role: 'chair', seatUserId: 'chair', asSubstitute: false })).toBe('chair');
    for (const role of ['guest', 'secretary', 'display'] as const) expect(votingSeatOf({ role, seatUserId: 'x', asSubstitute: false })).toBeNull();
    expect(votingSeatOf(null)).toBeNull();
  });

  it('drafts are prepared by the chair or a secretary; the vote is run by the chair; the secretary records', () => {
    const chair = { role: 'chair' as const, seatUserId: 'c', asSubstitute: false };
    const member = { role: 'member' as const, seatUserId: 'm', asSubstitute: false };
    const meetingSecretary = { role: 'secretary' as const, seatUserId: 's', asSubstitute: false };
    expect(canRunVoteCommand('vote:create', chair, 'member')).toBe(true);
    expect(canRunVoteCommand('vote:create', null, 'secretary')).toBe(true);
    expect(canRunVoteCommand('vote:update-draft', meetingSecretary, 'member')).toBe(true);
    expect(canRunVoteCommand('vote:create', member, 'member')).toBe(false);
    for (const command of ['vote:open', 'vote:close', 'vote:publish', 'vote:cancel', 'vote:admit-late'] as const) {
      expect([command, canRunVoteCommand(command, chair, 'member'), canRunVoteCommand(command, null, 'secretary'), canRunVoteCommand(command, member, 'admin')]).toEqual([command, true, false, false]);
    }
    expect(canRunVoteCommand('vote:record', null, 'secretary')).toBe(true);
    expect(canRunVoteCommand('vote:record', chair, 'member')).toBe(false);
  });
});

describe('ballotsFromCounts (a secret vote keeps totals only)', () => {
  const plans: VoteOption[] = [
    { key: 'a', label: 'A' },
    { key: 'b', label: 'B' },
    { key: 'c', label: 'C' },
    { key: 'n', label: 'Không biểu quyết', role: 'abstain' },
  ];
  const totals = (ballots: string[][]) => ballots.flat().reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

  it('rebuilds valid ballots with the same totals, so tallyVote gives the same result as with the real ballots', () => {
    const real = [['a', 'b'], ['a'], ['n'], ['b', 'c'], ['a', 'c'], ['n']];
    const rebuilt = ballotsFromCounts(totals(real), real.length, plans);
    expect(rebuilt).toHaveLength(6);
    expect(totals(rebuilt)).toEqual(totals(real));
    const input = { options: plans, maxChoices: 2, rule: 'majority_of_cast' as const, eligible: 7, totalMembers: 9, quorum: null };
    expect(tallyVote({ ...input, ballots: rebuilt })).toEqual(tallyVote({ ...input, ballots: real }));
  });

  it('handles yes/no votes, no ballots, and every ballot an abstention', () => {
    expect(ballotsFromCounts({ yes: 2, no: 1, abstain: 1 }, 4, DEFAULT_VOTE_OPTIONS)).toEqual([['abstain'], ['yes'], ['yes'], ['no']]);
    expect(ballotsFromCounts({}, 0, DEFAULT_VOTE_OPTIONS)).toEqual([]);
    expect(ballotsFromCounts({ n: 3 }, 3, plans)).toEqual([['n'], ['n'], ['n']]);
  });

  it('refuses totals no set of valid ballots could give', () => {
    expect(() => ballotsFromCounts({ yes: 3 }, 2, DEFAULT_VOTE_OPTIONS)).toThrow(RangeError);
    expect(() => ballotsFromCounts({ abstain: 1, yes: 1 }, 1, DEFAULT_VOTE_OPTIONS)).toThrow(RangeError);
  });
});
