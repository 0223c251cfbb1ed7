import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/column-types.js';

/**
 * One finished speaking turn, written with the event that ended it: the statistics per member across meetings
 * (turns, total time) are sums over this table, not replays of every meeting's log.
 */
@Entity('speaking_turns')
@Index(['userId', 'endedAt'])
@Index(['meetingId', 'seq'], { unique: true })
export class SpeakingTurnEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  /** The seat's member (a substitute's turn counts for the seat they hold). */
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'agenda_item_id', type: 'varchar', length: 36, nullable: true })
  agendaItemId!: string | null;

  /** The seq of the event that ended the turn. */
  @Column({ type: 'integer' })
  seq!: number;

  @TimestampColumn({ name: 'ended_at' })
  endedAt!: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
