import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/**
 * Who has voted, for every kind of vote: one row per (vote, seat), the primary key being the database's guarantee
 * of one ballot per seat. Deliberately no time and no choice (docs/vote-secrecy.md): nothing here can be joined to
 * what was chosen.
 */
@Entity('vote_participation')
export class VoteParticipationEntity {
  @PrimaryColumn({ name: 'vote_id', type: 'varchar', length: 36 })
  voteId!: string;

  /** The member whose seat voted (a substitute votes in the seat of the member they replace). */
  @PrimaryColumn({ name: 'seat_user_id', type: 'varchar', length: 36 })
  seatUserId!: string;

  @Column({ name: 'recorded_by_secretary', type: 'boolean' })
  recordedBySecretary!: boolean;
}

/** The ballots of open and named votes (never of secret ones): each seat's choices. */
@Entity('vote_ballots')
export class VoteBallotEntity {
  @PrimaryColumn({ name: 'vote_id', type: 'varchar', length: 36 })
  voteId!: string;

  @PrimaryColumn({ name: 'seat_user_id', type: 'varchar', length: 36 })
  seatUserId!: string;

  @JsonColumn()
  choices!: string[];

  @Column({ name: 'recorded_by_secretary', type: 'boolean' })
  recordedBySecretary!: boolean;

  @TimestampColumn({ name: 'cast_at' })
  castAt!: Date;
}

/**
 * Per-option totals, for every kind of vote; for a secret vote the only record of what was chosen. The rows are all
 * created when the vote opens and only ever incremented, so no row, rowid or order follows the ballots.
 */
@Entity('vote_counts')
export class VoteCountEntity {
  @PrimaryColumn({ name: 'vote_id', type: 'varchar', length: 36 })
  voteId!: string;

  @PrimaryColumn({ name: 'option_key', type: 'varchar', length: 40 })
  optionKey!: string;

  @Column({ type: 'integer' })
  count!: number;
}
