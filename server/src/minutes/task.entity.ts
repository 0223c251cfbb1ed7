import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TaskProgress } from '@phonghop/shared';
import { TimestampColumn } from '../database/column-types.js';

/** A task assigned from an item's conclusion (nhiệm vụ theo kết luận): quá hạn is derived, never stored. */
@Entity('minutes_tasks')
@Index(['meetingId'])
@Index(['leadUserId'])
@Index(['leadUnit'])
export class TaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ name: 'agenda_item_id', type: 'varchar', length: 36 })
  itemId!: string;

  @Column({ type: 'varchar', length: 2000 })
  content!: string;

  @Column({ name: 'lead_unit', type: 'varchar', length: 160 })
  leadUnit!: string;

  @Column({ name: 'lead_user_id', type: 'varchar', length: 36, nullable: true })
  leadUserId!: string | null;

  /** A Vietnam calendar date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  deadline!: string;

  @Column({ type: 'varchar', length: 16 })
  progress!: TaskProgress;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

@Entity('minutes_task_updates')
@Index(['taskId', 'at'])
export class TaskUpdateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'task_id', type: 'varchar', length: 36 })
  taskId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @TimestampColumn()
  at!: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  progress!: TaskProgress | null;

  @Column({ type: 'varchar', length: 2000, default: '' })
  note!: string;
}
