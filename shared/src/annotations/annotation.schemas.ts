import { z } from 'zod';

/** Page-relative coordinate: 0..1 of the page's width or height, so zoom and screen size never move a mark. */
const unit = z.number().min(0).max(1);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Màu phải có dạng #RRGGBB.');

export const ANNOTATION_LIMITS = {
  pointsPerStroke: 5000,
  rectsPerHighlight: 200,
  quoteChars: 5000,
  noteChars: 2000,
  maxPage: 10000,
} as const;

/** [x, y] or [x, y, pressure]; pressure only where the device reports it. */
export const inkPointSchema = z.union([z.tuple([unit, unit]), z.tuple([unit, unit, unit])]);

export const inkBodySchema = z.object({
  kind: z.literal('ink'),
  tool: z.enum(['pen', 'highlighter']),
  colour,
  /** Stroke width as a fraction of the page width. */
  width: z.number().positive().max(0.1),
  points: z.array(inkPointSchema).min(1).max(ANNOTATION_LIMITS.pointsPerStroke),
});

export const highlightRectSchema = z
  .object({ x: unit, y: unit, w: unit, h: unit })
  .refine((r) => r.x + r.w <= 1 + 1e-9 && r.y + r.h <= 1 + 1e-9, 'Vùng tô nằm ngoài trang.');

export const highlightBodySchema = z.object({
  kind: z.literal('highlight'),
  colour,
  rects: z.array(highlightRectSchema).min(1).max(ANNOTATION_LIMITS.rectsPerHighlight),
  /** The highlighted text as the text layer gave it, for the notes list and for carry-over. */
  quote: z.string().max(ANNOTATION_LIMITS.quoteChars),
});

export const noteBodySchema = z.object({
  kind: z.literal('note'),
  colour: colour.optional(),
  x: unit,
  y: unit,
  text: z.string().max(ANNOTATION_LIMITS.noteChars),
});

/** What the tablet decides: identity, place, content, sharing, deletion. */
const draftBase = z.object({
  /** Generated on the tablet, so an offline change can be retried without creating a twin. */
  id: z.uuid(),
  documentId: z.uuid(),
  /** The document version it was drawn on. */
  version: z.int().min(1),
  page: z.int().min(1).max(ANNOTATION_LIMITS.maxPage),
  /** Private by default; true shows it to everyone who may read the document. */
  shared: z.boolean().default(false),
  /** Tombstone: a delete is a change like any other, never a row removal. */
  deleted: z.boolean().default(false),
});

export const annotationDraftSchema = z.discriminatedUnion('kind', [
  draftBase.extend(inkBodySchema.shape),
  draftBase.extend(highlightBodySchema.shape),
  draftBase.extend(noteBodySchema.shape),
]);
export type AnnotationDraft = z.output<typeof annotationDraftSchema>;

/** Body of `PUT /api/annotations/:id`: one change from the tablet's outbox. */
export const annotationChangeSchema = z.object({
  idempotencyKey: z.uuid(),
  /** Incremented by the tablet on every change of this annotation; the highest rev wins. */
  rev: z.int().min(1).max(2_000_000_000),
  annotation: annotationDraftSchema,
});
export type AnnotationChange = z.input<typeof annotationChangeSchema>;
export type AnnotationChangeInput = z.output<typeof annotationChangeSchema>;

const storedBase = draftBase.extend({
  ownerId: z.uuid(),
  rev: z.int().min(1),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Copied from the previous version and that page (or the page count) changed: "từ phiên bản trước". */
  fromPreviousVersion: z.boolean(),
});

/** An annotation as the server stores and sends it. */
export const annotationSchema = z.discriminatedUnion('kind', [
  storedBase.extend(inkBodySchema.shape),
  storedBase.extend(highlightBodySchema.shape),
  storedBase.extend(noteBodySchema.shape),
]);
export type Annotation = z.output<typeof annotationSchema>;
export type AnnotationKind = Annotation['kind'];
export type AnnotationBody = z.output<typeof inkBodySchema> | z.output<typeof highlightBodySchema> | z.output<typeof noteBodySchema>;

/** `GET /api/documents/:documentId/annotations` query. */
export const annotationListQuerySchema = z.object({
  version: z.coerce.number().int().min(1),
  /** The `cursor` of the previous answer: then tombstones and withdrawn ids since that moment are included. */
  since: z.iso.datetime({ offset: true }).optional(),
});

export interface AnnotationListDto {
  /** The viewer's own (tombstones only with `since`) and the ones others share. */
  annotations: Annotation[];
  /** With `since`: ids of others' annotations that were shared and are no longer (unshared or deleted). */
  gone: string[];
  /** Pass back as `since`; it overlaps the previous window, applying by rev makes the overlap harmless. */
  cursor: string;
}

/** What happened to a change: stored; a retry of the stored change; older than (or refused by) what is stored. */
export type ChangeOutcome = 'applied' | 'duplicate' | 'stale';

export interface AnnotationChangeResult {
  ok: true;
  outcome: ChangeOutcome;
  /** The server's copy after the change: the tablet replaces its own with it. */
  annotation: Annotation;
}
