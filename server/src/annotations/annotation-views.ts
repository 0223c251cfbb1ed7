import type { Annotation } from '@phonghop/shared';
import type { AnnotationEntity } from './annotation.entity.js';

export function toAnnotationDto(row: AnnotationEntity): Annotation {
  return {
    ...row.body,
    id: row.id,
    ownerId: row.ownerId,
    documentId: row.documentId,
    version: row.version,
    page: row.page,
    shared: row.shared,
    deleted: row.deleted,
    rev: row.rev,
    fromPreviousVersion: row.fromPreviousVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}
