import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommandInput, MeetingStatus } from '@phonghop/shared';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { dialectOf, runReads, runWrites } from '../database/raw-sql.js';
import type { Viewer } from '../meetings/meeting-access.js';
import type { AppendedEvent } from '../live/event-log.service.js';
import { type LogHead, SNAPSHOT_MAX_BEHIND } from '../live/live-state.store.js';
import { GroupCommit, type ItemOutcome } from './ballot-batcher.js';
import { FactHold } from './fact-hold.js';
import { type BallotAck, type BallotRequest, type BatchReads, countDeltas, type ItemPlan, type PlannedBallot, planBallots } from './ballot-plan.js';
import * as sql from './ballot-sql.js';
import { VoteRoom } from './vote-room.js';

/**
 * The batching window: a batch goes 2 ms after the last ballot arrived (a room voting at once arrives back to back),
 * and never more than 20 ms after its first; both far below what a member notices.
 */
const QUIET_MS = 2;
const MAX_WAIT_MS = 20;
const MAX_BATCH = 500;
/** How long a burst's facts may wait for its next batches before they go to the room anyway. */
const HOLD_MAX_MS = 100;

/**
 * Ballots: checked, stored and acknowledged in group commits (ballot-batcher.ts). A batch is one durable
 * transaction (ADR 10) under the meeting's lock; its ballots are decided in memory (ballot-plan.ts), so a refused one
 * writes nothing and does not disturb the others. Every stored ballot appends one `vote.ballot-cast` event (who,
 * never what) keyed by the ballot's idempotency key, so a retried ballot answers its original ack.
 */
@Injectable()
export class BallotsService implements BeforeApplicationShutdown {
  private readonly batches = new GroupCommit<BallotRequest, BallotAck>((meetingId, items) => this.commitBatch(meetingId, items), {
    quietMs: QUIET_MS,
    maxWaitMs: MAX_WAIT_MS,
    maxBatch: MAX_BATCH,
    onIdle: (meetingId) => this.held.release(meetingId),
    // a retry racing its original shares its ack, as planBallots answers a repeated key ('same-as')
    identityOf: (ballot) => ballot.idempotencyKey,
  });
  /**
   * The room's copy of the facts, sent once the burst is idle (after the acks and the I/O that followed them) or on
   * the turn after a batch that held them too long. Broadcasts keep their order, and a tablet that sees a later fact
   * first (a chair's command during a burst) catches up by seq (LiveSession).
   */
  private readonly held = new FactHold<AppendedEvent>((_meetingId, events) => this.room.broadcast(events), () => this.clock.now().getTime(), HOLD_MAX_MS);

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
        const status = await this.room.lock(em, meetingId);
        const { reads, head } = await this.read(em, meetingId, status, items);
        const plans = planBallots(items, reads);
        const writes = plans.flatMap((p) => (p.kind === 'write' ? [p.ballot] : []));
        appended = await this.write(em, meetingId, head, writes);
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
    // The acks first (they resolve when this returns); the room's copy of the facts waits until the burst has no
    // batch left to commit (FactHold, released by onIdle).
    this.held.add(meetingId, appended);
    return outcomes;
  }

  /**
   * Everything planBallots needs, and the log's head, whatever the batch's size: reads independent of one another
   * (ballot-sql.ts), one round trip on PostgreSQL (runReads).
   */
  private async read(em: EntityManager, meetingId: string, status: MeetingStatus, items: BallotRequest[]): Promise<{ reads: BatchReads; head: LogHead }> {
    const dialect = dialectOf(em);
    const people = items.flatMap((i) => (i.recordFor === null ? [i.sender.userId] : [i.sender.userId, i.recordFor]));
    const voteIds = [...new Set(items.map((i) => i.voteId))];
    const [participants, stored, voteRows, cast, ballots, counts, head] = await runReads(em, [
      sql.seatRowsRead(dialect, meetingId, people),
      this.room.byKeysRead(dialect, meetingId, items.map((i) => i.idempotencyKey)),
      sql.batchVotesRead(dialect, meetingId, voteIds),
      sql.castSlotsRead(dialect, meetingId, voteIds),
      sql.storedChoicesRead(dialect, meetingId, voteIds),
      sql.liveCountsRead(dialect, meetingId, voteIds),
      this.room.headRead(meetingId),
    ]);
    const votes = new Map(voteRows.map((v) => [v.id, v]));
    return { reads: { meetingStatus: status, participants, stored, votes, cast, ballots, counts, now: this.clock.now() }, head };
  }

  /**
   * The planned ballots' rows, counters and events (one `vote.ballot-cast` each: who, never what) after the log's
   * `head`. The snapshot is rewritten only once it would fall SNAPSHOT_MAX_BEHIND events behind: a burst's facts are
   * replayed by the next load instead (live-state.store.ts).
   */
  private async write(em: EntityManager, meetingId: string, head: LogHead, ballots: PlannedBallot[]): Promise<AppendedEvent[]> {
    if (ballots.length === 0) return [];
    // the state (which grows with the meeting's votes) is read only when this batch must rewrite the snapshot
    const due = head.behind + ballots.length >= SNAPSHOT_MAX_BEHIND;
    const { events, writes, stateAfter } = await this.room.planBatch(
      em,
      meetingId,
      head,
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
    const snapshot = due ? [this.room.snapshotWrite(em, meetingId, { seq: last.seq, state: stateAfter((await this.room.load(em, meetingId)).state) }, last.at)] : [];
    // the ballots' rows, their events and the snapshot touch different rows: one statement on PostgreSQL
    await runWrites(em, [...sql.ballotWrites(dialectOf(em), ballots, countDeltas(ballots), this.clock.now()), ...writes, ...snapshot]);
    return events;
  }
}
