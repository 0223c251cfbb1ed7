import { ballotIssue, type MeetingEventDto, type MeetingStatus } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { canView, membershipOf, type ParticipantRow, type Viewer } from '../meetings/meeting-access.js';
import { canRunVoteCommand, seatOf, votingSeatOf, votingSeats } from './vote-rules.js';
import type { VoteEntity } from './vote.entity.js';

/** A ballot waiting for its batch. */
export interface BallotRequest {
  meetingId: string;
  voteId: string;
  choices: string[];
  idempotencyKey: string;
  /** Who sent it: the member (or substitute) voting, or the secretary recording a show of hands. */
  sender: Viewer;
  /** The member whose show-of-hands ballot the secretary records; null for a member's own ballot. */
  recordFor: string | null;
  recordedBySecretary: boolean;
}

export interface BallotAck {
  seq: number;
  voteId: string;
}

export type BatchVote = Pick<VoteEntity, 'id' | 'status' | 'closesAt' | 'kind' | 'eligible' | 'allowChange' | 'castCount' | 'options' | 'maxChoices' | 'showLiveChoices'>;

/** What a batch reads, once, under the meeting's lock. */
export interface BatchReads {
  /** null when the meeting does not exist. */
  meetingStatus: MeetingStatus | null;
  /** The rows of the senders' and recorded members' seats (their own, or the one they hold as a delegated substitute). */
  participants: readonly ParticipantRow[];
  /** Events already stored under the batch's idempotency keys. */
  stored: ReadonlyMap<string, MeetingEventDto>;
  votes: ReadonlyMap<string, BatchVote>;
  /** `voteId:seat` of the seats that have voted. */
  cast: ReadonlySet<string>;
  /** `voteId:seat` → the stored choices, for ballots that may change (allowChange votes). */
  ballots: ReadonlyMap<string, string[]>;
  /** voteId → per-option totals, for the open votes that show their counts live. */
  counts: ReadonlyMap<string, Record<string, number>>;
  now: Date;
}

/** A new (or changed) ballot to write, with what its `vote.ballot-cast` event will carry. */
export interface PlannedBallot {
  item: BallotRequest;
  vote: BatchVote;
  seat: string;
  /** The choices it replaces (a changed ballot), else null. */
  previous: string[] | null;
  castCount: number;
  liveCounts?: Record<string, number>;
}

/** One item's fate: answered from the log, the same as an earlier item with its key, refused, or written. */
export type ItemPlan =
  | { kind: 'stored'; ack: BallotAck }
  | { kind: 'same-as'; index: number }
  | { kind: 'refused'; error: unknown }
  | { kind: 'write'; ballot: PlannedBallot };

const slot = (voteId: string, seat: string) => `${voteId}:${seat}`;

/**
 * The seat a ballot is cast in, or why it may not be cast at all: the meeting-access rules (404 for whoever may not
 * see the meeting), then the sender's own voting seat, or — for the secretary's record — the recorded member's.
 */
function seatFor(item: BallotRequest, reads: BatchReads): string {
  if (reads.meetingStatus === null) throw new AppError('NOT_FOUND');
  const membership = membershipOf(item.sender.userId, reads.participants);
  if (!canView(item.sender, reads.meetingStatus, membership)) throw new AppError('NOT_FOUND');
  if (item.recordFor === null) {
    const seat = votingSeatOf(membership);
    if (seat === null) throw new AppError('VOTE_NOT_ELIGIBLE');
    return seat;
  }
  if (!canRunVoteCommand('vote:record', membership, item.sender.systemRole)) throw new AppError('FORBIDDEN');
  const seat = seatOf(item.recordFor, votingSeats(reads.participants));
  if (!seat) throw new AppError('VOTE_NOT_ELIGIBLE', { message: 'Người này không phải thành viên có quyền biểu quyết của cuộc họp.' });
  return seat.userId;
}

/**
 * Decides a batch of ballots in memory, in arrival order, from what the batch read (pure: ballots.service.ts does the
 * reading and the writing). Each ballot sees the ones before it in the batch: a seat votes once, a retried key is
 * answered as its first sending, counts run on. A refused ballot changes nothing.
 */
export function planBallots(items: readonly BallotRequest[], reads: BatchReads): ItemPlan[] {
  const firstOfKey = new Map<string, number>();
  const cast = new Set(reads.cast);
  const ballots = new Map(reads.ballots);
  const castCounts = new Map<string, number>();
  const counts = new Map([...reads.counts].map(([voteId, c]) => [voteId, { ...c }]));

  return items.map((item, index): ItemPlan => {
    const first = firstOfKey.get(item.idempotencyKey);
    if (first !== undefined) return { kind: 'same-as', index: first };
    firstOfKey.set(item.idempotencyKey, index);
    const stored = reads.stored.get(item.idempotencyKey);
    if (stored) return { kind: 'stored', ack: { seq: stored.seq, voteId: (stored.payload as { voteId?: string }).voteId ?? item.voteId } };
    try {
      const seat = seatFor(item, reads);
      const vote = reads.votes.get(item.voteId);
      if (!vote) throw new AppError('NOT_FOUND');
      if (vote.status !== 'open' || (vote.closesAt && vote.closesAt <= reads.now)) throw new AppError('VOTE_NOT_OPEN');
      if (item.recordedBySecretary && vote.kind === 'secret') throw new AppError('VOTE_RECORD_NOT_ALLOWED');
      if (!(vote.eligible ?? []).includes(seat)) throw new AppError('VOTE_NOT_ELIGIBLE');
      const issue = ballotIssue(item.choices, vote);
      if (issue) throw new AppError('VOTE_INVALID_CHOICE', { message: issue.message });
      const key = slot(vote.id, seat);
      const again = cast.has(key);
      if (again && !vote.allowChange) {
        throw new AppError('VOTE_ALREADY_CAST', item.recordedBySecretary ? { message: 'Thành viên này đã biểu quyết, không thể ghi nhận lại.' } : {});
      }
      const previous = again ? (ballots.get(key) ?? null) : null;
      if (again && previous === null) throw new Error(`no stored ballot to change for ${key}`);
      cast.add(key);
      if (vote.allowChange) ballots.set(key, item.choices);
      const castCount = (castCounts.get(vote.id) ?? vote.castCount) + (again ? 0 : 1);
      castCounts.set(vote.id, castCount);
      const live = counts.get(vote.id);
      if (live) {
        for (const k of previous ?? []) live[k] = (live[k] ?? 0) - 1;
        for (const k of item.choices) live[k] = (live[k] ?? 0) + 1;
      }
      return { kind: 'write', ballot: { item, vote, seat, previous, castCount, ...(live ? { liveCounts: { ...live } } : {}) } };
    } catch (error) {
      return { kind: 'refused', error };
    }
  });
}

/** Per vote, per option: how much each counter moves for the planned ballots. */
export function countDeltas(ballots: readonly PlannedBallot[]): Map<string, Map<string, number>> {
  const deltas = new Map<string, Map<string, number>>();
  for (const b of ballots) {
    let forVote = deltas.get(b.vote.id);
    if (!forVote) deltas.set(b.vote.id, (forVote = new Map()));
    for (const k of b.previous ?? []) forVote.set(k, (forVote.get(k) ?? 0) - 1);
    for (const k of b.item.choices) forVote.set(k, (forVote.get(k) ?? 0) + 1);
  }
  return deltas;
}
