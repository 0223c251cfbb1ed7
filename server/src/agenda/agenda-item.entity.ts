import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/column-types.js';

@Entity('agenda_items')
@Index(['meetingId'])
export class AgendaItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ name: 'presenter_user_id', type: 'varchar', length: 36, nullable: true })
  presenterUserId!: string | null;

  @Column({ name: 'presenter_name', type: 'varchar', length: 200, default: '' })
  presenterName!: string;

  @Column({ name: 'planned_minutes', type: 'integer', default: 15 })
  plannedMinutes!: number;

  /** Công khai / nội bộ: internal items are left out of public notices. */
  @Column({ name: 'is_public', type: 'boolean', default: true })
  isPublic!: boolean;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
