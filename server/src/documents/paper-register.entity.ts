import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/column-types.js';

/** Sổ theo dõi tài liệu mật: classified papers exist only on paper; this records their numbered copies. */
@Entity('paper_register_entries')
@Index(['meetingId'])
export class PaperRegisterEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ name: 'agenda_item_id', type: 'varchar', length: 36, nullable: true })
  agendaItemId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  classification!: 'mat' | 'toi_mat' | 'tuyet_mat';

  @Column({ type: 'varchar', length: 20, default: '' })
  number!: string;

  @Column({ type: 'varchar', length: 60, default: '' })
  symbol!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}

@Entity('paper_copies')
export class PaperCopyEntity {
  @PrimaryColumn({ name: 'entry_id', type: 'varchar', length: 36 })
  entryId!: string;

  @PrimaryColumn({ name: 'copy_no', type: 'integer' })
  copyNo!: number;

  @Column({ name: 'recipient_user_id', type: 'varchar', length: 36, nullable: true })
  recipientUserId!: string | null;

  @TimestampColumn({ name: 'handed_out_at', nullable: true })
  handedOutAt!: Date | null;

  @TimestampColumn({ name: 'returned_at', nullable: true })
  returnedAt!: Date | null;
}
