import {
  computeQuorum,
  isPresent,
  isVotingRole,
  type LiveState,
  type QuorumResult,
  type QuorumRule,
  type SystemRole,
  type VoteCommand,
  type VoteOption,
} from '@phonghop/shared';
import type { Membership, ParticipantRow } from '../meetings/meeting-access.js';

/** A voting seat (chair or member) and the substitute who holds it in this meeting, if the member delegated. */
export interface VotingSeat {
  userId: string;
  substituteUserId: string | null;
}

/** The meeting's voting seats, one per member; guests, the secretary and the display never vote. */
export function votingSeats(participants: readonly ParticipantRow[]): VotingSeat[] {
  const seats = new Map<string, VotingSeat>();
  for (const p of participants) {
    if (!isVotingRole(p.role) || seats.has(p.userId)) continue;
    seats.set(p.userId, {
      userId: p.userId,
      substituteUserId: p.rsvp === 'delegated' ? p.substituteUserId : null,
    });
  }
  return [...seats.values()];
}

/** The seat a person sits in: their own voting seat, or the one they hold as a substitute. */
export function seatOf(userId: string, seats: readonly VotingSeat[]): VotingSeat | null {
  return seats.find((s) => s.userId === userId) ?? seats.find((s) => s.substituteUserId === userId) ?? null;
}

/** Holder or substitute checked in, in person or online. */
export function seatPresent(seat: VotingSeat, attendance: LiveState['attendance']): boolean {
  return isPresent(attendance[seat.userId]?.state) || (seat.substituteUserId !== null && isPresent(attendance[seat.substituteUserId]?.state));
}

/** Seats present right now (holder or substitute checked in, in person or online): who may vote when a vote opens. */
export function presentSeats(seats: readonly VotingSeat[], attendance: LiveState['attendance']): string[] {
  return seats.filter((s) => seatPresent(s, attendance)).map((s) => s.userId);
}

/** The meeting's quorum now, by its live settings rule: the same count as the live room's (liveQuorum). */
export function quorumNow(seats: readonly VotingSeat[], attendance: LiveState['attendance'], rule: QuorumRule): QuorumResult {
  const states: Record<string, LiveState['attendance'][string]['state']> = {};
  for (const [userId, record] of Object.entries(attendance)) states[userId] = record.state;
  return computeQuorum(
    {
      seats: seats.map((s) => ({ ...s, role: 'member' as const })),
      attendance: states,
    },
    rule,
  );
}

/** The seat a viewer votes in, or null when their role in the meeting does not vote. */
export function votingSeatOf(membership: Membership | null): string | null {
  return membership && isVotingRole(membership.role) ? membership.seatUserId : null;
}

/**
 * Who may issue which vote command (casting is decided per vote: votingSeatOf and the eligible list). Drafts are
 * prepared by the chair or a secretary; the vote itself is run by the chair; the secretary records show-of-hands.
 */
export function canRunVoteCommand(command: Exclude<VoteCommand, 'vote:cast'>, membership: Membership | null, systemRole: SystemRole): boolean {
  const role = membership?.role ?? null;
  const secretary = role === 'secretary' || systemRole === 'secretary';
  switch (command) {
    case 'vote:create':
    case 'vote:update-draft':
    case 'vote:delete-draft':
      return role === 'chair' || secretary;
    case 'vote:open':
    case 'vote:close':
    case 'vote:publish':
    case 'vote:cancel':
    case 'vote:admit-late':
      return role === 'chair';
    case 'vote:record':
      return secretary;
  }
}

/**
 * Ballots whose per-option totals are `counts`, for tallyVote, which counts ballots: a secret vote keeps only
 * totals. Valid whenever the totals came from valid ballots: abstentions alone on their ballots first, then every
 * other choice dealt round-robin over the remaining ballots, so no ballot holds an option twice or more than
 * maxChoices options (each option's total is at most the number of ballots that could hold it).
 */
export function ballotsFromCounts(counts: Readonly<Record<string, number>>, cast: number, options: readonly VoteOption[]): string[][] {
  const ballots: string[][] = Array.from({ length: cast }, () => []);
  const abstain = options.find((o) => o.role === 'abstain');
  const abstentions = abstain ? (counts[abstain.key] ?? 0) : 0;
  for (let i = 0; i < abstentions && i < cast; i++) ballots[i].push(abstain!.key);
  const rest = cast - abstentions;
  let next = 0;
  for (const option of options) {
    if (option === abstain) continue;
    const total = counts[option.key] ?? 0;
    if (total > rest) throw new RangeError(`${total} votes for "${option.key}" from ${rest} ballots`);
    for (let n = 0; n < total; n++) {
      ballots[abstentions + (next % rest)].push(option.key);
      next += 1;
    }
  }
  return ballots;
}
