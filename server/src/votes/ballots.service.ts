import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { CommandInput } from '@phonghop/shared';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import type { AppendedEvent } from '../live/event-log.service.js';
import { GroupCommit, type ItemOutcome } from './ballot-batcher.js';
import { type BallotAck, type BallotRequest, type BatchReads, countDeltas, type ItemPlan, type PlannedBallot, planBallots } from './ballot-plan.js';
import { VoteBallotEntity, VoteCountEntity, VoteParticipationEntity } from './vote-records.entity.js';
import { VoteRoom } from './vote-room.js';
import { VoteEntity } from './vote.entity.js';

/** The batching window: long enough to gather a room voting at once, far below what a member notices. */
const WINDOW_MS = 4;
const MAX_BATCH = 500;

/**
 * Ballots: checked, stored and acknowledged in group commits (ballot-batcher.ts). A batch is one durable
 * transaction (ADR 10) under the meeting's lock; its ballots are decided in memory (ballot-plan.ts), so a refused one
 * writes nothing and does not disturb the others. Every stored ballot appends one `vote.ballot-cast` event (who,
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
    private readonly clock: Clock,
  ) {}

  /** A member's own ballot: the seat they hold is found in the batch, with the other ballots' (ballot-plan.ts). */
  cast(viewer: Viewer, body: CommandInput<'vote:cast'>): Promise<BallotAck> {
    return this.batches.submit(body.meetingId, { ...body, sender: viewer, recordFor: null, recordedBySecretary: false });
  }

  /** The secretary records the ballot of a member who votes by show of hands; checked in the batch too. */
  record(viewer: Viewer, body: CommandInput<'vote:record'>): Promise<BallotAck> {
    const { userId, ...ballot } = body;
    return this.batches.submit(body.meetingId, { ...ballot, sender: viewer, recordFor: userId, recordedBySecretary: true });
  }

  /** The participant rows of these people's seats: their own, or the one they hold as a delegated substitute. */
  private seatRows(em: EntityManager, meetingId: string, userIds: string[]): Promise<ParticipantEntity[]> {
    const ids = In([...new Set(userIds)]);
    return em.find(ParticipantEntity, {
      where: [
        { meetingId, userId: ids },
        { meetingId, substituteUserId: ids, rsvp: 'delegated' },
      ],
      order: { createdAt: 'ASC' },
    });
  }

  /** On SIGTERM, ballots already received are committed (and acknowledged) before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.batches.drain();
  }

  /**
   * One batch, one durable transaction under the meeting's lock: a fixed number of reads, the ballots decided in
   * memory (planBallots), then one multi-row insert each for participation, ballots and events, one update per
   * counter that moved. After commit, one `live:events` message carries the batch's facts to the room.
   */
  private async commitBatch(meetingId: string, items: BallotRequest[]): Promise<ItemOutcome<BallotAck>[]> {
    let appended: AppendedEvent[] = [];
    const outcomes = await this.db.transaction(
      async (em) => {
        await this.room.lock(em, meetingId);
        const plans = planBallots(items, await this.read(em, meetingId, items));
        const writes = plans.flatMap((p) => (p.kind === 'write' ? [p.ballot] : []));
        appended = await this.write(em, meetingId, writes);
        const seqOf = new Map(writes.map((b, i) => [b, appended[i].seq]));
        const outcomeOf = (plan: ItemPlan, all: ItemOutcome<BallotAck>[]): ItemOutcome<BallotAck> => {
          switch (plan.kind) {
            case 'stored':
              return { ok: true, value: plan.ack };
            case 'same-as':
              return all[plan.index];
            case 'refused':
              return { ok: false, error: plan.error };
            case 'write':
              return { ok: true, value: { seq: seqOf.get(plan.ballot)!, voteId: plan.ballot.vote.id } };
          }
        };
        const all: ItemOutcome<BallotAck>[] = [];
        for (const plan of plans) all.push(outcomeOf(plan, all));
        return all;
      },
      { durable: true },
    );
    // The acks first (they resolve when this returns), the room's copy of the facts on the next turn of the loop: a
    // member waits for their own answer, not for the batch to reach every tablet. Broadcasts keep their order
    // (setImmediate is FIFO), and a tablet that sees a later fact first catches up by seq (LiveSession).
    setImmediate(() => this.room.broadcast(appended));
    return outcomes;
  }

  /** Everything planBallots needs, in a handful of queries whatever the batch's size. */
  private async read(em: EntityManager, meetingId: string, items: BallotRequest[]): Promise<BatchReads> {
    const people = items.flatMap((i) => (i.recordFor === null ? [i.sender.userId] : [i.sender.userId, i.recordFor]));
    const voteIds = [...new Set(items.map((i) => i.voteId))];
    const [meeting, participants, stored, votes] = await Promise.all([
      em.findOne(MeetingEntity, { where: { id: meetingId }, select: { id: true, status: true } }),
      this.seatRows(em, meetingId, people),
      this.room.byKeys(em, meetingId, items.map((i) => i.idempotencyKey)),
      em.find(VoteEntity, { where: { id: In(voteIds), meetingId } }),
    ]);
    const seats = [...new Set(participants.map((p) => p.userId))];
    const [cast, changeable, counted] = await Promise.all([
      seats.length > 0 ? em.find(VoteParticipationEntity, { where: { voteId: In(voteIds), seatUserId: In(seats) } }) : Promise.resolve([]),
      votes.some((v) => v.allowChange) && seats.length > 0
        ? em.find(VoteBallotEntity, { where: { voteId: In(votes.filter((v) => v.allowChange).map((v) => v.id)), seatUserId: In(seats) } })
        : Promise.resolve([]),
      votes.some(showsLiveCounts) ? em.find(VoteCountEntity, { where: { voteId: In(votes.filter(showsLiveCounts).map((v) => v.id)) } }) : Promise.resolve([]),
    ]);
    const counts = new Map<string, Record<string, number>>();
    for (const row of counted) counts.set(row.voteId, { ...counts.get(row.voteId), [row.optionKey]: row.count });
    return {
      meetingStatus: meeting?.status ?? null,
      participants,
      stored,
      votes: new Map(votes.map((v) => [v.id, v])),
      cast: new Set(cast.map((p) => `${p.voteId}:${p.seatUserId}`)),
      ballots: new Map(changeable.map((b) => [`${b.voteId}:${b.seatUserId}`, b.choices])),
      counts,
      now: this.clock.now(),
    };
  }

  /** The planned ballots' rows, counters and events (one `vote.ballot-cast` each: who, never what), and the snapshot. */
  private async write(em: EntityManager, meetingId: string, ballots: PlannedBallot[]): Promise<AppendedEvent[]> {
    if (ballots.length === 0) return [];
    const now = this.clock.now();
    const fresh = ballots.filter((b) => b.previous === null);
    // The primary key (vote_id, seat_user_id) is the database's own guarantee of one ballot per seat.
    await em.insert(
      VoteParticipationEntity,
      fresh.map((b) => ({ voteId: b.vote.id, seatUserId: b.seat, recordedBySecretary: b.item.recordedBySecretary })),
    );
    const named = fresh.filter((b) => b.vote.kind !== 'secret');
    if (named.length > 0) {
      await em.insert(
        VoteBallotEntity,
        named.map((b) => ({ voteId: b.vote.id, seatUserId: b.seat, choices: b.item.choices, recordedBySecretary: b.item.recordedBySecretary, castAt: now })),
      );
    }
    // Only open and named votes allow a change (a secret ballot's first choice is nowhere to be found).
    for (const b of ballots.filter((x) => x.previous !== null)) {
      await em.update(VoteBallotEntity, { voteId: b.vote.id, seatUserId: b.seat }, { choices: b.item.choices, recordedBySecretary: b.item.recordedBySecretary, castAt: now });
    }
    for (const [voteId, deltas] of countDeltas(ballots)) {
      for (const [optionKey, delta] of deltas) {
        if (delta === 0) continue;
        await em
          .createQueryBuilder()
          .update(VoteCountEntity)
          .set({ count: () => `count + ${Math.trunc(delta)}` })
          .where('vote_id = :voteId AND option_key = :optionKey', { voteId, optionKey })
          .execute();
      }
    }
    const castCounts = new Map(ballots.map((b) => [b.vote.id, b.castCount]));
    for (const [id, castCount] of castCounts) await em.update(VoteEntity, { id }, { castCount });
    const before = await this.room.load(em, meetingId);
    const { events, state } = await this.room.appendBatch(
      em,
      meetingId,
      before,
      ballots.map((b) => ({
        type: 'vote.ballot-cast' as const,
        payload: {
          voteId: b.vote.id,
          voterUserId: b.seat,
          castCount: b.castCount,
          recordedBySecretary: b.item.recordedBySecretary,
          ...(b.previous ? { changed: true } : {}),
          ...(b.liveCounts ? { liveCounts: b.liveCounts } : {}),
        },
        actorUserId: b.item.sender.userId,
        idempotencyKey: b.item.idempotencyKey,
      })),
    );
    const last = events[events.length - 1];
    await this.room.saveSnapshot(em, meetingId, { seq: last.seq, state }, last.at);
    return events;
  }
}

function showsLiveCounts(vote: Pick<VoteEntity, 'kind' | 'showLiveChoices'>): boolean {
  return vote.kind === 'open' && vote.showLiveChoices;
}
