import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { type LiveState, resolveLiveSettings, tallyVote, type VoteResult } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import type { VoteDecision } from './vote-room.js';
import { ballotsFromCounts, quorumNow, votingSeats } from './vote-rules.js';
import { VoteBallotEntity, VoteCountEntity, VoteParticipationEntity } from './vote-records.entity.js';
import { VoteEntity } from './vote.entity.js';

/**
 * Closing a vote, by the chair or by its countdown: a conditional update (only an open vote closes, so two
 * closers — the chair and a timer, or two nodes — append one event), the tally from the stored ballots or, for a
 * secret vote, the counters, and the result stored on the vote.
 */
@Injectable()
export class VoteCloser implements OnApplicationBootstrap {
  private readonly logger = new Logger('Votes');

  constructor(
    private readonly clock: Clock,
    private readonly db: DbWriter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * A kill between a secret vote's commit and its scrub leaves the old versions behind, and nothing records whether
   * a scrub ran: once any secret vote has ended, scrub at startup (scrubbing twice is harmless).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (await this.dataSource.getRepository(VoteEntity).exists({ where: { kind: 'secret', closedAt: Not(IsNull()) } })) await this.scrub();
  }

  /** A retried close or cancel (same key) answers the original event; its first run may have died before the scrub. */
  async scrubAgain(voteId: string): Promise<void> {
    const vote = await this.dataSource.getRepository(VoteEntity).findOne({ where: { id: voteId }, select: { kind: true, closedAt: true } });
    if (vote?.kind === 'secret' && vote.closedAt) await this.scrub();
  }

  /** Inside the caller's transaction, under the meeting's lock. */
  async close(em: EntityManager, vote: VoteEntity, state: LiveState, by: 'chair' | 'timer'): Promise<VoteDecision> {
    if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN');
    const result = await this.tally(em, vote, state);
    const now = this.clock.now();
    const changed = await em.update(
      VoteEntity,
      { id: vote.id, status: 'open' },
      {
        status: 'closed',
        closedAt: now,
        result,
        castCount: result.cast,
        updatedAt: now,
      },
    );
    if (!changed.affected) throw new AppError('VOTE_NOT_OPEN');
    if (vote.kind === 'secret') await this.rewriteCounters(em, vote.id);
    return {
      type: 'vote.closed',
      payload: { voteId: vote.id, castCount: result.cast, by },
      refusal: 'VOTE_NOT_OPEN',
      afterCommit: vote.kind === 'secret' ? () => this.scrub() : undefined,
    };
  }

  private async tally(em: EntityManager, vote: VoteEntity, state: LiveState): Promise<VoteResult> {
    const cast = await em.count(VoteParticipationEntity, {
      where: { voteId: vote.id },
    });
    let ballots: string[][];
    if (vote.kind === 'secret') {
      const rows = await em.find(VoteCountEntity, {
        where: { voteId: vote.id },
      });
      ballots = ballotsFromCounts(Object.fromEntries(rows.map((r) => [r.optionKey, r.count])), cast, vote.options);
    } else {
      ballots = (await em.find(VoteBallotEntity, { where: { voteId: vote.id } })).map((b) => b.choices);
    }
    const meeting = await em.findOneByOrFail(MeetingEntity, {
      id: vote.meetingId,
    });
    const participants = await em.find(ParticipantEntity, {
      where: { meetingId: vote.meetingId },
    });
    const seats = votingSeats(participants);
    const eligible = vote.eligible?.length ?? 0;
    // Seats added to the meeting after the opening do not change the counts fixed then.
    const totalMembers = Math.max(vote.totalMembers ?? seats.length, eligible);
    const now = quorumNow(seats, state.attendance, resolveLiveSettings(meeting.liveSettings).quorumRule);
    return tallyVote({
      ballots,
      options: vote.options,
      maxChoices: vote.maxChoices,
      rule: vote.rule,
      eligible,
      totalMembers,
      quorum: vote.quorumRequired
        ? {
            required: now.required,
            presentAtClose: Math.min(now.present, totalMembers),
          }
        : null,
    });
  }

  /**
   * PostgreSQL keeps, in each counter row, the id of the transaction that last wrote it (xmin), and that
   * transaction also wrote a ballot's participation event: rewriting every counter in the closing transaction
   * leaves only the close's id on the live rows (docs/vote-secrecy.md). On SQLite this costs one page write.
   */
  async rewriteCounters(em: EntityManager, voteId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(VoteCountEntity)
      .set({ count: () => 'count' })
      .where('vote_id = :voteId', { voteId })
      .execute();
  }

  /**
   * After a secret vote closes: drop the old versions of its counters (PostgreSQL: VACUUM removes the dead tuples,
   * one per ballot; SQLite: a TRUNCATE checkpoint copies the WAL's pages home and empties the WAL file, whose frames
   * held each ballot's page images in commit order). Best effort: a failure is logged, never the close's concern.
   */
  async scrub(): Promise<void> {
    try {
      if (this.db.dialect === 'postgres') await this.dataSource.query('VACUUM vote_counts');
      else await this.db.exclusive(() => this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)'));
    } catch (error) {
      this.logger.warn(`scrubbing the counters' old versions failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
