import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/column-types.js';

/** Wrong-password attempts, kept in the database so throttling holds across server processes. */
@Entity('login_failures')
@Index(['username', 'at'])
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip!: string;

  @TimestampColumn()
  at!: Date;
}
