import type { EntityManager } from 'typeorm';
import { DocumentPageTextEntity, DocumentVersionEntity } from '../documents/document.entity.js';
import { AnnotationEntity } from './annotation.entity.js';
import { carriedId, carryOverPlace } from './carry-over.js';

/**
 * Copies every member's live annotations of the previous version to the new one, inside the transaction that
 * creates the version, so a version never exists without them. `next`: the new version's pages as the caller just
 * ingested them (not read back from the rows it wrote).
 */
export async function carryOverAnnotations(
  em: EntityManager,
  documentId: string,
  toVersion: number,
  next: { pageCount: number; pageTexts: readonly string[] },
  now: Date,
): Promise<number> {
  const fromVersion = toVersion - 1;
  const rows = await em.find(AnnotationEntity, { where: { documentId, version: fromVersion, deleted: false } });
  if (rows.length === 0) return 0;
  const oldTexts = await pageTexts(em, documentId, fromVersion);
  const newTexts = Array.from({ length: next.pageCount }, (_, i) => next.pageTexts[i] ?? '');
  const copies = rows.map((row): AnnotationEntity => {
    const place = carryOverPlace(row.page, oldTexts, newTexts);
    return {
      ...row,
      id: carriedId(row.id, toVersion),
      version: toVersion,
      page: place.page,
      // A mark already carried once stays marked.
      fromPreviousVersion: row.fromPreviousVersion || place.fromPreviousVersion,
      rev: 1,
      changeKey: row.id,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < copies.length; i += 100) await em.insert(AnnotationEntity, copies.slice(i, i + 100));
  return copies.length;
}

/** Page texts in page order; a version's page count comes from the version row (pages may have no text). */
async function pageTexts(em: EntityManager, documentId: string, version: number): Promise<string[]> {
  const v = await em.findOneByOrFail(DocumentVersionEntity, { documentId, version });
  const texts = await em.find(DocumentPageTextEntity, { where: { versionId: v.id } });
  const pages = Array.from({ length: v.pageCount }, () => '');
  for (const t of texts) if (t.page >= 1 && t.page <= v.pageCount) pages[t.page - 1] = t.text;
  return pages;
}
