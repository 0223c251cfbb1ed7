import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SystemRole } from '@phonghop/shared';
import { TimestampColumn } from '../database/column-types.js';

@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName!: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  position!: string;

  @Column({ type: 'varchar', length: 160, default: '' })
  unit!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: SystemRole;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** Secret part of the personal calendar feed URL (calendar apps send no cookie). SHA-256 stored. */
  @Column({ name: 'calendar_token_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  calendarTokenHash!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @TimestampColumn({ name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;
}
