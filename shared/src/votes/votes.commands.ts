import { z } from 'zod';
import type { PersonRef } from '../meetings/meeting.schemas.js';
import { cancelVoteRequestSchema, castBallotRequestSchema, createVoteRequestSchema, type VoteDto } from './vote.schemas.js';

/**
 * The voting commands of the live room. Like the live control commands they name the meeting and carry an
 * idempotency key (a retry with the same key answers the original ack), each accepted one appends one event to the
 * meeting's log (vote-live.ts), and the facts reach tablets as `live:event`.
 */
const id = z.string().min(1).max(100);
const idempotencyKey = z.string().min(8).max(100);
const base = { meetingId: id, idempotencyKey };
const voteRef = { ...base, voteId: id };

export const voteCommandSchemas = {
  /** A draft vote (the chair or a secretary prepares it); without agendaItemId it belongs to the item under way. */
  'vote:create': z.object({ ...base, vote: createVoteRequestSchema }),
  'vote:update-draft': z.object({ ...voteRef, vote: createVoteRequestSchema }),
  'vote:delete-draft': z.object(voteRef),
  /** The chair opens a draft: the members present now are the ones who may vote. */
  'vote:open': z.object(voteRef),
  'vote:close': z.object(voteRef),
  'vote:publish': z.object(voteRef),
  'vote:cancel': z.object({ ...voteRef, ...cancelVoteRequestSchema.shape }),
  /** The chair lets a member who arrived after the opening vote. */
  'vote:admit-late': z.object({ ...voteRef, userId: id }),
  /** A member's ballot (a substitute votes in the seat they hold). */
  'vote:cast': castBallotRequestSchema.extend({ meetingId: id }),
  /** The secretary records the ballot of a member who votes by show of hands (not for secret ballots). */
  'vote:record': castBallotRequestSchema.extend({ meetingId: id, userId: id }),
} as const;

export type VoteCommand = keyof typeof voteCommandSchemas;
export const VOTE_COMMANDS = Object.keys(voteCommandSchemas) as VoteCommand[];

/** Every vote command answers the seq of its event and the vote it concerns (new for `vote:create`). */
export type VoteCommandResults = { [K in VoteCommand]: { seq: number; voteId: string } };

/** One member's seat in a vote: eligible or not, voted or not. Never what they chose (see VoteBallotDto). */
export interface VoteSeatDto {
  seatUserId: string;
  fullName: string;
  /** The substitute who holds the seat in this meeting, if any. */
  substituteName: string | null;
  eligible: boolean;
  voted: boolean;
  recordedBySecretary: boolean;
}

/** A named vote's ballot, shown once the vote is closed. */
export interface VoteBallotDto {
  seatUserId: string;
  fullName: string;
  choices: string[];
  recordedBySecretary: boolean;
}

export interface VoteDetailDto extends VoteDto {
  /** The voting seats of the meeting; who may vote and who has voted (public for every kind of vote). */
  seats: VoteSeatDto[];
  /** Named votes after closing: each member's choice. Null for open and secret votes (and before closing). */
  ballots: VoteBallotDto[] | null;
  createdBy: PersonRef | null;
}
