import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { ballotIssue, type CommandInput, type LiveState, type MeetingEventDto } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { canView, type Membership, membershipOf, type Viewer } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { GroupCommit, type ItemOutcome } from './ballot-batcher.js';
import { VoteBallotEntity, VoteCountEntity, VoteParticipationEntity } from './vote-records.entity.js';
import { VoteRoom } from './vote-room.js';
import { canRunVoteCommand, seatOf, votingSeatOf, votingSeats } from './vote-rules.js';
import { VoteEntity } from './vote.entity.js';

/** A ballot waiting for its batch. */
interface BallotRequest {
  meetingId: string;
  voteId: string;
  /** The seat that votes: the member's, also when their substitute or the secretary sends it. */
  seat: string;
  choices: string[];
  idempotencyKey: string;
  actorUserId: string;
  recordedBySecretary: boolean;
}

export interface BallotAck {
  seq: number;
  voteId: string;
}

/** The batching window: long enough to gather a room voting at once, far below what a member notices. */
const WINDOW_MS = 4;
const MAX_BATCH = 100;

/**
 * Ballots: checked, stored and acknowledged in group commits (ballot-batcher.ts). A batch is one durable
 * transaction (ADR 10) under the meeting's lock; each ballot runs inside a savepoint, so a refused or failing one
 * leaves no trace and does not disturb the others. Every stored ballot appends one `vote.ballot-cast` event (who,
 * never what) keyed by the ballot's idempotency key, so a retried ballot answers its original ack.
 */
@Injectable()
export class BallotsService implements BeforeApplicationShutdown {
  private readonly batches = new GroupCommit<BallotRequest, BallotAck>((meetingId, items) => this.commitBatch(meetingId, items), {
    windowMs: WINDOW_MS,
    maxBatch: MAX_BATCH,
  });

  constructor(
    private readonly db: DbWriter,
    private readonly room: VoteRoom,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    private readonly clock: Clock,
  ) {}

  /** A member's own ballot, in the seat they hold. */
  async cast(viewer: Viewer, body: CommandInput<'vote:cast'>): Promise<BallotAck> {
    const { membership } = await this.access(viewer, body.meetingId, []);
    const seat = votingSeatOf(membership);
    if (seat === null) throw new AppError('VOTE_NOT_ELIGIBLE');
    return this.batches.submit(body.meetingId, {
      ...body,
      seat,
      actorUserId: viewer.userId,
      recordedBySecretary: false,
    });
  }

  /** The secretary records the ballot of a member who votes by show of hands. */
  async record(viewer: Viewer, body: CommandInput<'vote:record'>): Promise<BallotAck> {
    const { membership, rows } = await this.access(viewer, body.meetingId, [body.userId]);
    if (!canRunVoteCommand('vote:record', membership, viewer.systemRole)) throw new AppError('FORBIDDEN');
    const seat = seatOf(body.userId, votingSeats(rows));
    if (!seat)
      throw new AppError('VOTE_NOT_ELIGIBLE', {
        message: 'Người này không phải thành viên có quyền biểu quyết của cuộc họp.',
      });
    const { userId: _userId, ...ballot } = body;
    return this.batches.submit(body.meetingId, {
      ...ballot,
      seat: seat.userId,
      actorUserId: viewer.userId,
      recordedBySecretary: true,
    });
  }

  /**
   * MeetingsService.context()'s rules (meeting-access.ts: 404 for whoever may not see the meeting) on the meeting's
   * status and only the seats of the viewer and of `others`, in the same order: this runs for every ballot and every
   * retry, and loading every participant was a quarter of a ballot's CPU in a full room.
   */
  private async access(viewer: Viewer, meetingId: string, others: string[]): Promise<{ membership: Membership | null; rows: ParticipantEntity[] }> {
    const ids = [viewer.userId, ...others];
    const [meeting, rows] = await Promise.all([
      this.meetings.findOne({ where: { id: meetingId }, select: { id: true, status: true } }),
      this.participants.find({
        where: [
          { meetingId, userId: In(ids) },
          { meetingId, substituteUserId: In(ids), rsvp: 'delegated' },
        ],
        order: { createdAt: 'ASC' },
      }),
    ]);
    if (!meeting) throw new AppError('NOT_FOUND');
    const membership = membershipOf(viewer.userId, rows);
    if (!canView(viewer, meeting.status, membership)) throw new AppError('NOT_FOUND');
    return { membership, rows };
  }

  /** On SIGTERM, ballots already received are committed (and acknowledged) before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.batches.drain();
  }

  private async commitBatch(meetingId: string, items: BallotRequest[]): Promise<ItemOutcome<BallotAck>[]> {
    const appended: MeetingEventDto[] = [];
    const outcomes = await this.db.transaction(
      async (em) => {
        appended.length = 0;
        await this.room.lock(em, meetingId);
        const snapshot = await this.room.load(em, meetingId);
        const batch: Batch = {
          em,
          meetingId,
          state: snapshot.state,
          votes: new Map(),
        };
        const results: ItemOutcome<BallotAck>[] = [];
        for (const item of items) {
          await em.query('SAVEPOINT ballot');
          try {
            const { ack, event } = await this.store(batch, item);
            await em.query('RELEASE SAVEPOINT ballot');
            if (event) appended.push(event);
            results.push({ ok: true, value: ack });
          } catch (error) {
            await em.query('ROLLBACK TO SAVEPOINT ballot');
            await em.query('RELEASE SAVEPOINT ballot');
            results.push({ ok: false, error });
          }
        }
        const last = appended.at(-1);
        if (last) {
          for (const vote of batch.votes.values()) await em.update(VoteEntity, { id: vote.id }, { castCount: vote.castCount });
          await this.room.saveSnapshot(em, meetingId, { seq: last.seq, state: batch.state }, last.at);
        }
        return results;
      },
      { durable: true },
    );
    this.room.broadcast(appended);
    return outcomes;
  }

  /** One ballot inside the batch's transaction; throws (and its savepoint is rolled back) when refused. */
  private async store(batch: Batch, item: BallotRequest): Promise<{ ack: BallotAck; event?: MeetingEventDto }> {
    const { em, meetingId } = batch;
    const existing = await this.room.byKey(em, meetingId, item.idempotencyKey);
    if (existing)
      return {
        ack: {
          seq: existing.seq,
          voteId: (existing.payload as { voteId?: string }).voteId ?? item.voteId,
        },
      };
    const vote = await this.vote(batch, item.voteId);
    if (vote.status !== 'open' || (vote.closesAt && vote.closesAt <= this.clock.now())) throw new AppError('VOTE_NOT_OPEN');
    if (item.recordedBySecretary && vote.kind === 'secret') throw new AppError('VOTE_RECORD_NOT_ALLOWED');
    if (!(vote.eligible ?? []).includes(item.seat)) throw new AppError('VOTE_NOT_ELIGIBLE');
    const issue = ballotIssue(item.choices, vote);
    if (issue) throw new AppError('VOTE_INVALID_CHOICE', { message: issue.message });

    const cast = await em.findOneBy(VoteParticipationEntity, {
      voteId: vote.id,
      seatUserId: item.seat,
    });
    if (cast && !vote.allowChange) {
      throw new AppError('VOTE_ALREADY_CAST', item.recordedBySecretary ? { message: 'Thành viên này đã biểu quyết, không thể ghi nhận lại.' } : {});
    }
    if (cast) await this.change(em, vote, item);
    else await this.insert(em, vote, item);
    const castCount = vote.castCount + (cast ? 0 : 1);

    const liveCounts = vote.kind === 'open' && vote.showLiveChoices ? await this.counts(em, vote.id) : undefined;
    const payload = {
      voteId: vote.id,
      voterUserId: item.seat,
      castCount,
      recordedBySecretary: item.recordedBySecretary,
      ...(cast ? { changed: true } : {}),
      ...(liveCounts ? { liveCounts } : {}),
    };
    const { event, state } = await this.room.append(
      em,
      meetingId,
      batch.state,
      { type: 'vote.ballot-cast', payload },
      item.actorUserId,
      item.idempotencyKey,
      {
        mayBeNoOp: Boolean(cast),
      },
    );
    // Only now, the ballot being stored: a refused one leaves the batch's view of the vote as it was.
    vote.castCount = castCount;
    batch.state = state;
    return { ack: { seq: event.seq, voteId: vote.id }, event };
  }

  private async insert(em: EntityManager, vote: VoteEntity, item: BallotRequest): Promise<void> {
    // The primary key (vote_id, seat_user_id) is the database's own guarantee of one ballot per seat.
    await em.insert(VoteParticipationEntity, {
      voteId: vote.id,
      seatUserId: item.seat,
      recordedBySecretary: item.recordedBySecretary,
    });
    if (vote.kind !== 'secret') {
      await em.insert(VoteBallotEntity, {
        voteId: vote.id,
        seatUserId: item.seat,
        choices: item.choices,
        recordedBySecretary: item.recordedBySecretary,
        castAt: this.clock.now(),
      });
    }
    await this.bump(em, vote.id, item.choices, +1);
  }

  /** Only open and named votes allow a change (a secret ballot's first choice is nowhere to be found). */
  private async change(em: EntityManager, vote: VoteEntity, item: BallotRequest): Promise<void> {
    const ballot = await em.findOneByOrFail(VoteBallotEntity, {
      voteId: vote.id,
      seatUserId: item.seat,
    });
    await this.bump(em, vote.id, ballot.choices, -1);
    await em.update(
      VoteBallotEntity,
      { voteId: vote.id, seatUserId: item.seat },
      {
        choices: item.choices,
        recordedBySecretary: item.recordedBySecretary,
        castAt: this.clock.now(),
      },
    );
    await this.bump(em, vote.id, item.choices, +1);
  }

  private async bump(em: EntityManager, voteId: string, keys: readonly string[], by: 1 | -1): Promise<void> {
    await em
      .createQueryBuilder()
      .update(VoteCountEntity)
      .set({ count: () => (by > 0 ? 'count + 1' : 'count - 1') })
      .where('vote_id = :voteId AND option_key IN (:...keys)', { voteId, keys })
      .execute();
  }

  private async counts(em: EntityManager, voteId: string): Promise<Record<string, number>> {
    const rows = await em.find(VoteCountEntity, { where: { voteId } });
    return Object.fromEntries(rows.map((r) => [r.optionKey, r.count]));
  }

  private async vote(batch: Batch, voteId: string): Promise<VoteEntity> {
    let vote = batch.votes.get(voteId);
    if (!vote) {
      const row = await batch.em.findOneBy(VoteEntity, {
        id: voteId,
        meetingId: batch.meetingId,
      });
      if (!row) throw new AppError('NOT_FOUND');
      batch.votes.set(voteId, row);
      vote = row;
    }
    return vote;
  }
}

interface Batch {
  em: EntityManager;
  meetingId: string;
  state: LiveState;
  /** Each vote's row, read once per batch; castCount is written back once at the end. */
  votes: Map<string, VoteEntity>;
}
