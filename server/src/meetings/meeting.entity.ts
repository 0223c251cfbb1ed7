import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgendaStatus, LiveSettingsInput, MeetingKind, MeetingStatus } from '@phonghop/shared';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

@Entity('meetings')
@Index(['startsAt'])
export class MeetingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: MeetingKind;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: MeetingStatus;

  @TimestampColumn({ name: 'starts_at' })
  startsAt!: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  location!: string;

  @Column({ type: 'varchar', length: 200 })
  organizer!: string;

  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ type: 'text', default: '' })
  preparation!: string;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @TimestampColumn({ name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Published with fewer than 3 working days' notice, acknowledged by the secretary. */
  @Column({ name: 'short_notice', type: 'boolean', default: false })
  shortNotice!: boolean;

  @Column({ name: 'agenda_status', type: 'varchar', length: 16, default: 'draft' })
  agendaStatus!: AgendaStatus;

  @TimestampColumn({ name: 'agenda_approved_at', nullable: true })
  agendaApprovedAt!: Date | null;

  @Column({ name: 'agenda_approved_by', type: 'varchar', length: 36, nullable: true })
  agendaApprovedBy!: string | null;

  /** Quorum rule, speaking time, check-in window; null: the defaults (DEFAULT_LIVE_SETTINGS). */
  @JsonColumn({ name: 'live_settings', nullable: true })
  liveSettings!: LiveSettingsInput | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
