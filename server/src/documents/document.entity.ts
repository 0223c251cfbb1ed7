import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DocumentAudience, DocumentType } from '@phonghop/shared';
import { BigIntColumn, TimestampColumn } from '../database/column-types.js';

/** A văn bản in a meeting's pack; its files are in document_versions. */
@Entity('documents')
@Index(['meetingId'])
export class DocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ name: 'agenda_item_id', type: 'varchar', length: 36, nullable: true })
  agendaItemId!: string | null;

  @Column({ name: 'doc_type', type: 'varchar', length: 32 })
  docType!: DocumentType;

  @Column({ type: 'varchar', length: 20, default: '' })
  number!: string;

  @Column({ type: 'varchar', length: 60, default: '' })
  symbol!: string;

  /** Ngày ban hành as a calendar date (YYYY-MM-DD), not an instant. */
  @Column({ name: 'issued_on', type: 'varchar', length: 10, nullable: true })
  issuedOn!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  issuer!: string;

  @Column({ type: 'varchar', length: 1000 })
  summary!: string;

  @Column({ type: 'varchar', length: 16, default: 'participants' })
  audience!: DocumentAudience;

  @Column({ name: 'current_version', type: 'integer', default: 1 })
  currentVersion!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  /** Removed from the pack; kept for the access log and the minutes. */
  @TimestampColumn({ name: 'removed_at', nullable: true })
  removedAt!: Date | null;
}

@Entity('document_grants')
export class DocumentGrantEntity {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 36 })
  documentId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;
}

@Entity('document_versions')
@Index(['documentId', 'version'], { unique: true })
export class DocumentVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'document_id', type: 'varchar', length: 36 })
  documentId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'original_name', type: 'varchar', length: 200 })
  originalName!: string;

  @Column({ name: 'original_kind', type: 'varchar', length: 8 })
  originalKind!: string;

  @Column({ name: 'original_sha256', type: 'varchar', length: 64 })
  originalSha256!: string;

  @BigIntColumn({ name: 'original_size' })
  originalSize!: number;

  /** The PDF members read: the normalised copy when normalisation worked, else the (converted) PDF. */
  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 })
  pdfSha256!: string;

  @BigIntColumn({ name: 'pdf_size' })
  pdfSize!: number;

  @Column({ type: 'boolean', default: false })
  normalized!: boolean;

  @Column({ name: 'page_count', type: 'integer' })
  pageCount!: number;

  @Column({ name: 'change_note', type: 'varchar', length: 1000, default: '' })
  changeNote!: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy!: string;

  @TimestampColumn({ name: 'uploaded_at' })
  uploadedAt!: Date;
}

/** Text of each page, for the archive search and the reader's search. */
@Entity('document_page_texts')
export class DocumentPageTextEntity {
  @PrimaryColumn({ name: 'version_id', type: 'varchar', length: 36 })
  versionId!: string;

  @PrimaryColumn({ type: 'integer' })
  page!: number;

  @Column({ type: 'text' })
  text!: string;
}

/** Per member and document: which version is on their tablet, which one they last opened. */
@Entity('document_receipts')
export class DocumentReceiptEntity {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 36 })
  documentId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'received_version', type: 'integer', nullable: true })
  receivedVersion!: number | null;

  @TimestampColumn({ name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'opened_version', type: 'integer', nullable: true })
  openedVersion!: number | null;

  @TimestampColumn({ name: 'opened_at', nullable: true })
  openedAt!: Date | null;
}

/** Every access to a document file: who, what, when (append-only). */
@Entity('document_access_log')
@Index(['documentId', 'at'])
export class DocumentAccessLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'document_id', type: 'varchar', length: 36 })
  documentId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** view (inline, incl. ranges), download (attachment), original (the uploaded Word file) */
  @Column({ type: 'varchar', length: 16 })
  action!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip!: string;

  @TimestampColumn()
  at!: Date;
}
