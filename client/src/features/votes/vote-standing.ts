import { isPresent, isVotingRole, type LiveRoomInfo, type LiveSeat, type LiveState, type LiveVote, notYetVoted, type PresentationState } from '@phonghop/shared';
import { rollCall, seatAttendance } from '../live/seats';

/** Why someone in the room has no ballot in this vote. */
export type NotEligibleReason = 'absentAtOpening' | 'guest' | 'secretary' | 'display' | 'staff';

/** The viewer and one vote: may vote, has voted (from any device, or recorded by the secretary), or why not. */
export type BallotStanding = { kind: 'can-vote'; seat: string } | { kind: 'voted'; seat: string } | { kind: 'not-eligible'; reason: NotEligibleReason };

/**
 * Who may vote is fixed when the vote opens (the voting seats present then, a substitute in the member's seat),
 * plus the chair's late admissions; guests, the secretary and the display never vote.
 */
export function ballotStanding(vote: Pick<LiveVote, 'eligible' | 'voters'>, me: LiveRoomInfo['me']): BallotStanding {
  const role = me.role;
  if (role === null) return { kind: 'not-eligible', reason: 'staff' };
  if (!isVotingRole(role)) {
    return { kind: 'not-eligible', reason: role === 'guest' ? 'guest' : role === 'display' ? 'display' : 'secretary' };
  }
  const seat = me.seatUserId;
  if (vote.voters.includes(seat)) return { kind: 'voted', seat };
  if (vote.eligible.includes(seat)) return { kind: 'can-vote', seat };
  return { kind: 'not-eligible', reason: 'absentAtOpening' };
}

/** The vote the room is about: the open one, else the one that ended last (closed, published or cancelled). */
export function currentVote(state: Pick<LiveState, 'openVoteId' | 'votes'>): { id: string; vote: LiveVote } | null {
  if (state.openVoteId !== null) {
    const open = state.votes[state.openVoteId] as LiveVote | undefined;
    if (open) return { id: state.openVoteId, vote: open };
  }
  return latestFirst(state.votes)[0] ?? null;
}

/** Votes from the most recent on (by when they ended, or opened for the one still open). */
export function latestFirst(votes: Readonly<Record<string, LiveVote>>): { id: string; vote: LiveVote }[] {
  const when = (v: LiveVote) => Date.parse(v.closedAt ?? v.openedAt ?? '') || 0;
  return Object.entries(votes)
    .map(([id, vote]) => ({ id, vote }))
    .sort((a, b) => when(b.vote) - when(a.vote) || (a.id < b.id ? -1 : 1));
}

/** Seats that may vote and have not yet, in the order of the roll call (chair first). Who votes is public; what, not. */
export function seatsNotVoted(vote: Pick<LiveVote, 'eligible' | 'voters'>, seats: readonly LiveSeat[]): LiveSeat[] {
  const waiting = new Set(notYetVoted(vote));
  return rollCall(seats).filter((s) => waiting.has(s.userId));
}

/** Voting seats present now but not on the vote's list: whom the chair may admit late (recorded). */
export function lateCandidates(vote: Pick<LiveVote, 'eligible'>, seats: readonly LiveSeat[], attendance: LiveState['attendance']): LiveSeat[] {
  const eligible = new Set(vote.eligible);
  return rollCall(seats).filter((s) => isVotingRole(s.role) && !eligible.has(s.userId) && isPresent(seatAttendance(attendance, s)?.state));
}

/** The page on the wall, as a comparable key ('' for none). */
export function presentationKey(p: PresentationState | null): string {
  return p ? `${p.documentId}:${p.version}:${p.page}` : '';
}

/** A vote with an agenda item belongs to it: once the chair opens another item, its result is put away. */
export function belongsToCurrentItem(vote: Pick<LiveVote, 'agendaItemId'>, currentItemId: string | null): boolean {
  return vote.agendaItemId === null || currentItemId === null || vote.agendaItemId === currentItemId;
}

/**
 * Whether the projector gives its stage to the vote. A vote in progress or being counted always has it. A
 * published result stays until the room moves on: the chair opens another agenda item, or shows another page than
 * the one on the wall when this screen first showed the result (`pageAtResult`).
 */
export function voteHasStage(
  vote: Pick<LiveVote, 'status' | 'agendaItemId'>,
  room: { currentItemId: string | null; presentation: PresentationState | null },
  pageAtResult: string | null,
): boolean {
  switch (vote.status) {
    case 'open':
    case 'closed':
      return true;
    case 'cancelled':
      return false;
    case 'published':
      if (!belongsToCurrentItem(vote, room.currentItemId)) return false;
      return pageAtResult === null || pageAtResult === presentationKey(room.presentation);
  }
}
