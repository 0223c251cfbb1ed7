import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AnnotationBody, AnnotationKind } from '@phonghop/shared';
import { JsonColumn, TimestampColumn } from '../database/column-types.js';

/** One member's mark on one page of one document version. Never deleted: a delete is a tombstone (ADR 13). */
@Entity('annotations')
@Index(['documentId', 'version'])
@Index(['ownerId', 'documentId'])
export class AnnotationEntity {
  /** Chosen by the tablet. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId!: string;

  @Column({ name: 'document_id', type: 'varchar', length: 36 })
  documentId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer' })
  page!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: AnnotationKind;

  /** The kind's fields (points, rects and quote, or note text), as validated by the shared schema. */
  @JsonColumn()
  body!: AnnotationBody;

  @Column({ type: 'boolean', default: false })
  shared!: boolean;

  /** Once shared, readers must hear when it is withdrawn (the `gone` list of a sync). */
  @Column({ name: 'ever_shared', type: 'boolean', default: false })
  everShared!: boolean;

  @Column({ type: 'integer' })
  rev!: number;

  @Column({ type: 'boolean', default: false })
  deleted!: boolean;

  @Column({ name: 'from_previous_version', type: 'boolean', default: false })
  fromPreviousVersion!: boolean;

  /** Idempotency key of the change that produced this row: tells a retry from a stale change. */
  @Column({ name: 'change_key', type: 'varchar', length: 36 })
  changeKey!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  /** Server time of the last stored change; the sync cursor compares against it. */
  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
