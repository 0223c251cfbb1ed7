import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MinutesFacts, MinutesStatus } from '@phonghop/shared';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/**
 * A meeting's minutes (biên bản): one row per meeting, created when the meeting has started. `facts` are derived
 * from the event log (never typed) and refreshed while the draft is open; `version` moves with every change of the
 * free text or the status, and a write that names another version is refused (optimistic concurrency).
 */
@Entity('minutes')
export class MinutesEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: MinutesStatus;

  @Column({ type: 'integer' })
  version!: number;

  /** The chair lets the members read the draft (and comment on it). */
  @Column({ name: 'members_can_read', type: 'boolean', default: false })
  membersCanRead!: boolean;

  @JsonColumn()
  facts!: MinutesFacts;

  @TimestampColumn({ name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @TimestampColumn({ name: 'approved_at', nullable: true })
  approvedAt!: Date | null;

  @Column({
    name: 'return_comment',
    type: 'varchar',
    length: 2000,
    nullable: true,
  })
  returnComment!: string | null;

  /** When the conclusion notice (thông báo kết luận) was issued. */
  @TimestampColumn({ name: 'notice_issued_at', nullable: true })
  noticeIssuedAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** The secretary's free text, keyed by the fact it belongs to (minutes.schemas.ts: MINUTES_NOTE_KEY). */
@Entity('minutes_notes')
export class MinutesNoteEntity {
  @PrimaryColumn({ name: 'minutes_id', type: 'varchar', length: 36 })
  minutesId!: string;

  @PrimaryColumn({ name: 'note_key', type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy!: string;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** The version history: one row per accepted change (an autosave, a submission, a return, an approval). */
@Entity('minutes_revisions')
@Index(['minutesId', 'version'], { unique: true })
export class MinutesRevisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'minutes_id', type: 'varchar', length: 36 })
  minutesId!: string;

  /** The version this change produced. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: 'edit' | 'submit' | 'return' | 'approve' | 'reopen';

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @TimestampColumn()
  at!: Date;

  @JsonColumn()
  changes!: Array<{ key: string; before: string | null; after: string | null }>;
}

@Entity('minutes_comments')
@Index(['minutesId', 'at'])
export class MinutesCommentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'minutes_id', type: 'varchar', length: 36 })
  minutesId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @TimestampColumn()
  at!: Date;

  @Column({ type: 'varchar', length: 2000 })
  text!: string;

  @Column({ name: 'note_key', type: 'varchar', length: 64, nullable: true })
  noteKey!: string | null;
}

/**
 * A signed PDF of the minutes: frozen at approval (its SHA-256 recorded here), never rewritten. A later change of
 * the minutes sets `supersededAt`; the next approval signs a new one.
 */
@Entity('minutes_signed_versions')
@Index(['minutesId', 'number'], { unique: true })
export class SignedMinutesEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'minutes_id', type: 'varchar', length: 36 })
  minutesId!: string;

  /** 1, 2, … per minutes. */
  @Column({ type: 'integer' })
  number!: number;

  /** The minutes' version that was signed. */
  @Column({ name: 'minutes_version', type: 'integer' })
  minutesVersion!: number;

  /** SHA-256 (hex) of the signed file; the file is stored under this name. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** SHA-256 of the PDF as frozen, before the signature was written into its placeholder. */
  @Column({ name: 'unsigned_sha256', type: 'varchar', length: 64 })
  unsignedSha256!: string;

  @TimestampColumn({ name: 'signed_at' })
  signedAt!: Date;

  @Column({ name: 'signer_user_id', type: 'varchar', length: 36 })
  signerUserId!: string;

  @Column({ name: 'signer_name', type: 'varchar', length: 120 })
  signerName!: string;

  @Column({ name: 'signer_position', type: 'varchar', length: 120 })
  signerPosition!: string;

  @Column({ name: 'certificate_subject', type: 'varchar', length: 500 })
  certificateSubject!: string;

  /** SHA-256 of the signing certificate (DER). */
  @Column({ name: 'certificate_sha256', type: 'varchar', length: 64 })
  certificateSha256!: string;

  @Column({ name: 'demo_certificate', type: 'boolean' })
  demoCertificate!: boolean;

  @TimestampColumn({ name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;
}
