import type { DocumentDto } from '@phonghop/shared';
import { docNumber } from '../documents/doc-format';
import type { PageRef } from './follow';

/** The page count of the presented version (the room may show an older version than the current one). */
export function pageCountOf(docs: readonly DocumentDto[], ref: Pick<PageRef, 'documentId' | 'version'>): number | null {
  const doc = docs.find((d) => d.id === ref.documentId);
  if (!doc) return null;
  return (doc.versions.find((v) => v.version === ref.version) ?? (doc.current.version === ref.version ? doc.current : null))?.pageCount ?? null;
}

/** "125/KH-UBND – Kế hoạch cải cách hành chính…" as a short line for pickers and captions. */
export function docLabel(doc: Pick<DocumentDto, 'number' | 'symbol' | 'summary'>): string {
  const number = docNumber(doc);
  return number ? `${number} – ${doc.summary}` : doc.summary;
}
