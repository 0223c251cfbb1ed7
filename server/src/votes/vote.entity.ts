import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { VoteKind, VoteOption, VoteResult, VoteRule, VoteStatus } from '@phonghop/shared';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/**
 * A vote of a meeting (biểu quyết): its definition, its state (draft → open → closed → published | cancelled) and,
 * once closed, the stored result. Who may vote is fixed when it opens (`eligible`); the ballots themselves live in
 * vote-records.entity.ts, apart from this row.
 */
@Entity('votes')
@Index(['meetingId'])
@Index(['status', 'closesAt'])
export class VoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({
    name: 'agenda_item_id',
    type: 'varchar',
    length: 36,
    nullable: true,
  })
  agendaItemId!: string | null;

  @Column({ type: 'varchar', length: 1000 })
  question!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: VoteKind;

  @Column({ type: 'varchar', length: 32 })
  rule!: VoteRule;

  @JsonColumn()
  options!: VoteOption[];

  @Column({ name: 'max_choices', type: 'integer' })
  maxChoices!: number;

  @Column({ name: 'quorum_required', type: 'boolean' })
  quorumRequired!: boolean;

  @Column({ name: 'allow_change', type: 'boolean' })
  allowChange!: boolean;

  @Column({ name: 'duration_sec', type: 'integer', nullable: true })
  durationSec!: number | null;

  @Column({ name: 'show_live_choices', type: 'boolean' })
  showLiveChoices!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: VoteStatus;

  /** The seats that may vote: the voting members present at opening, plus late admissions. Null before opening. */
  @JsonColumn({ nullable: true })
  eligible!: string[] | null;

  /** All voting seats of the meeting, counted at opening. */
  @Column({ name: 'total_members', type: 'integer', nullable: true })
  totalMembers!: number | null;

  @Column({ name: 'cast_count', type: 'integer', default: 0 })
  castCount!: number;

  @TimestampColumn({ name: 'opened_at', nullable: true })
  openedAt!: Date | null;

  @TimestampColumn({ name: 'closes_at', nullable: true })
  closesAt!: Date | null;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @TimestampColumn({ name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** tallyVote's result, stored when the vote closes. */
  @JsonColumn({ nullable: true })
  result!: VoteResult | null;

  @Column({
    name: 'cancel_reason',
    type: 'varchar',
    length: 500,
    nullable: true,
  })
  cancelReason!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
