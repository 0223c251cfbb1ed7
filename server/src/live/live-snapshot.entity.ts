import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LiveState } from '@phonghop/shared';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/**
 * A meeting's live state after event `seq`, rewritten in the same transaction as each append, so a command or a
 * join reads one row instead of replaying the log. Only a cache of the log: a row of another reducer `version`
 * (LIVE_STATE_VERSION) is ignored and the state is replayed.
 */
@Entity('meeting_live_snapshots')
export class LiveSnapshotEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'integer' })
  version!: number;

  @JsonColumn()
  state!: LiveState;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
