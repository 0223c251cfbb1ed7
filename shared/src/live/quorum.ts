import { VOTING_MEETING_ROLES, type MeetingRole } from '../meetings/meeting-roles.js';

/** có mặt trực tiếp, có mặt trực tuyến, vắng mặt, chưa điểm danh */
export const ATTENDANCE_STATES = ['present_in_person', 'present_online', 'absent', 'unmarked'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const ATTENDANCE_STATE_LABELS_VI: Readonly<Record<AttendanceState, string>> = {
  present_in_person: 'Có mặt trực tiếp',
  present_online: 'Có mặt trực tuyến',
  absent: 'Vắng mặt',
  unmarked: 'Chưa điểm danh',
};

export type QuorumRule =
  | { kind: 'more_than_half' }
  | { kind: 'at_least_fraction'; numerator: number; denominator: number }
  | { kind: 'at_least_count'; count: number };

export interface QuorumSeat {
  /** The member who holds the seat. */
  userId: string;
  role: MeetingRole;
  /** Someone attending in the member's place; their attendance counts for this seat. */
  substituteUserId?: string | null;
}

export interface QuorumInput {
  seats: readonly QuorumSeat[];
  attendance: Readonly<Record<string, AttendanceState | undefined>>;
}

export interface QuorumOptions {
  /** Default true: online presence counts toward the quorum. */
  countOnline?: boolean;
}

export interface QuorumResult {
  voting: number;
  present: number;
  required: number;
  met: boolean;
}

export function isVotingRole(role: MeetingRole): boolean {
  return VOTING_MEETING_ROLES.includes(role);
}

export function isPresent(state: AttendanceState | undefined, options: QuorumOptions = {}): boolean {
  if (state === 'present_in_person') return true;
  if (state === 'present_online') return options.countOnline ?? true;
  return false;
}

function assertNonNegativeInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * The number of present voting seats the rule requires out of `voting` seats. Integer arithmetic only:
 * more than half of 7 → 4, of 8 → 5; two thirds of 9 → 6, of 10 → 7. With zero voting seats the requirement of a
 * fraction rule is 0, but computeQuorum never reports a quorum without voting seats.
 */
export function requiredPresent(voting: number, rule: QuorumRule): number {
  assertNonNegativeInt(voting, 'voting');
  switch (rule.kind) {
    case 'more_than_half':
      return Math.floor(voting / 2) + 1;
    case 'at_least_fraction': {
      assertNonNegativeInt(rule.numerator, 'numerator');
      assertNonNegativeInt(rule.denominator, 'denominator');
      if (rule.denominator === 0) throw new RangeError('denominator must be positive');
      if (rule.numerator > rule.denominator) throw new RangeError('numerator must not exceed denominator');
      // ceil(voting * num / den) with integers only
      const product = voting * rule.numerator;
      return Math.floor((product + rule.denominator - 1) / rule.denominator);
    }
    case 'at_least_count':
      assertNonNegativeInt(rule.count, 'count');
      return rule.count;
  }
}

/**
 * Live quorum: only voting seats (chair, member) count; guests, the secretary and the display never do. A seat is
 * present when its holder is present, or when its substitute is present (the substitute counts for the seat).
 * A meeting without any voting seat never has a quorum.
 */
export function computeQuorum(input: QuorumInput, rule: QuorumRule, options: QuorumOptions = {}): QuorumResult {
  const votingSeats = input.seats.filter((s) => isVotingRole(s.role));
  const seen = new Set<string>();
  let voting = 0;
  let present = 0;
  for (const seat of votingSeats) {
    if (seen.has(seat.userId)) continue; // one seat per member
    seen.add(seat.userId);
    voting += 1;
    const holderPresent = isPresent(input.attendance[seat.userId], options);
    const substitutePresent =
      seat.substituteUserId != null && isPresent(input.attendance[seat.substituteUserId], options);
    if (holderPresent || substitutePresent) present += 1;
  }
  const required = requiredPresent(voting, rule);
  const met = voting > 0 && present >= required;
  return { voting, present, required, met };
}
