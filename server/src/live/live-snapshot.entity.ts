import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LiveState } from '@phonghop/shared';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/**
 * A meeting's live state after event `seq`, rewritten in the same transaction as each live command's append (a
 * batch of ballots leaves it up to SNAPSHOT_MAX_BEHIND events behind), so a command or a join reads one row and at
 * most a short tail of the log instead of replaying all of it. Only a cache of the log: a row of another reducer `version`
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
