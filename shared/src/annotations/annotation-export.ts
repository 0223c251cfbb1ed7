import { z } from 'zod';

/** `GET /api/documents/:documentId/annotated-pdf` query: the version (the current one when left out). */
export const annotatedPdfQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
});

export const NOTES_EXPORT_FORMATS = ['json', 'txt', 'csv'] as const;
export type NotesExportFormat = (typeof NOTES_EXPORT_FORMATS)[number];

/** `GET /api/documents/:documentId/notes` query: json for the tablet, txt and csv as a download. */
export const notesExportQuerySchema = annotatedPdfQuerySchema.extend({
  format: z.enum(NOTES_EXPORT_FORMATS).default('json'),
});

/** One line of "Danh sách ghi chú": a sticky note or a text highlight of the member's own copy. */
export interface NoteListItemDto {
  id: string;
  page: number;
  kind: 'note' | 'highlight';
  /** The note's text, or the highlighted passage. */
  text: string;
  colour: string | null;
  shared: boolean;
  updatedAt: string;
  /** "26/11/2026 14:05": Vietnam time (UTC+7), as the downloads print it. */
  updatedAtVn: string;
}

export interface NoteListDto {
  documentId: string;
  version: number;
  /** The document's file name, for a heading. */
  title: string;
  /** By page, then in the order they were made. Only the member's own, never others' shared ones. */
  notes: NoteListItemDto[];
}
