import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MeetingRole, RsvpStatus } from '@phonghop/shared';
import { TimestampColumn } from '../database/column-types.js';

@Entity('meeting_participants')
@Index(['meetingId', 'userId'], { unique: true })
@Index(['userId'])
@Index(['substituteUserId'])
export class ParticipantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: MeetingRole;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  rsvp!: RsvpStatus;

  @Column({ name: 'rsvp_reason', type: 'varchar', length: 500, default: '' })
  rsvpReason!: string;

  /** Cử người dự thay: set only while rsvp = delegated. */
  @Column({ name: 'substitute_user_id', type: 'varchar', length: 36, nullable: true })
  substituteUserId!: string | null;

  @TimestampColumn({ name: 'rsvp_at', nullable: true })
  rsvpAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
