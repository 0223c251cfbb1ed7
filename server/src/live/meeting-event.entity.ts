import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/**
 * The meeting event log: append-only (nothing updates or deletes a row), one row per change of a meeting's live
 * state, chained by SHA-256 (hash-chain.ts). `seq` counts from 1 per meeting; the unique (meeting_id, seq) index is
 * the backstop against two appends taking the same number. An idempotency key is unique per meeting where present
 * (both SQLite and PostgreSQL let a unique index hold many NULLs).
 */
@Entity('meeting_events')
@Index(['meetingId', 'seq'], { unique: true })
@Index(['meetingId', 'idempotencyKey'], { unique: true })
export class MeetingEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @JsonColumn()
  payload!: unknown;

  /** null for events the system records on its own. */
  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId!: string | null;

  @TimestampColumn()
  at!: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
