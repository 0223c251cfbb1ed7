import { describe, expect, it } from '@jest/globals';
import { ANNOTATION_LIMITS, annotationChangeSchema, annotationListQuerySchema } from './annotation.schemas.js';

const base = {
  id: '4b0c2a4e-6a4f-4c43-9a51-2f7b8f0d2d11',
  documentId: '0d7f9a52-52e4-4a7e-8f3c-5d2b1c9e7a10',
  version: 1,
  page: 2,
};
const change = (annotation: Record<string, unknown>, rev = 1) => ({ idempotencyKey: 'a3c1f1e2-2b1d-4f7e-9a0b-1c2d3e4f5a6b', rev, annotation: { ...base, ...annotation } });
const ink = (extra: Record<string, unknown> = {}) => ({ kind: 'ink', tool: 'pen', colour: '#1d4ed8', width: 0.004, points: [[0.1, 0.2], [0.15, 0.25, 0.7]], ...extra });
const parse = (value: unknown) => annotationChangeSchema.safeParse(value);

describe('annotation schemas', () => {
  it('accepts an ink stroke, private and live by default', () => {
    const r = parse(change(ink()));
    expect(r.success).toBe(true);
    expect(r.data?.annotation).toMatchObject({ kind: 'ink', shared: false, deleted: false });
  });

  it('accepts a text highlight and a sticky note', () => {
    expect(parse(change({ kind: 'highlight', colour: '#facc15', rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }], quote: 'phòng họp không giấy' })).success).toBe(true);
    expect(parse(change({ kind: 'note', x: 0.9, y: 0.05, text: 'Hỏi lại số liệu quý III', shared: true })).success).toBe(true);
  });

  it('refuses coordinates outside the page', () => {
    expect(parse(change(ink({ points: [[1.2, 0.5]] }))).success).toBe(false);
    expect(parse(change(ink({ points: [[0.5, -0.1]] }))).success).toBe(false);
    expect(parse(change({ kind: 'note', x: 0.5, y: 1.5, text: 'x' })).success).toBe(false);
    expect(parse(change({ kind: 'highlight', colour: '#facc15', rects: [{ x: 0.8, y: 0.2, w: 0.5, h: 0.02 }], quote: '' })).success).toBe(false);
  });

  it('bounds sizes: points per stroke, note length, empty strokes', () => {
    const many = Array.from({ length: ANNOTATION_LIMITS.pointsPerStroke + 1 }, () => [0.5, 0.5]);
    expect(parse(change(ink({ points: many }))).success).toBe(false);
    expect(parse(change(ink({ points: many.slice(1) }))).success).toBe(true);
    expect(parse(change(ink({ points: [] }))).success).toBe(false);
    expect(parse(change({ kind: 'note', x: 0.5, y: 0.5, text: 'a'.repeat(ANNOTATION_LIMITS.noteChars + 1) })).success).toBe(false);
  });

  it('refuses a page 0, a rev 0, an unknown kind, a bad colour and a non-uuid id', () => {
    expect(parse(change(ink({ page: 0 }))).success).toBe(false);
    expect(parse(change(ink(), 0)).success).toBe(false);
    expect(parse(change({ kind: 'stamp' })).success).toBe(false);
    expect(parse(change(ink({ colour: 'red' }))).success).toBe(false);
    expect(parse(change(ink({ id: 'stroke-1' }))).success).toBe(false);
  });

  it('reads the list query from strings', () => {
    expect(annotationListQuerySchema.parse({ version: '2', since: '2026-12-01T01:00:00.000Z' })).toEqual({ version: 2, since: '2026-12-01T01:00:00.000Z' });
    expect(annotationListQuerySchema.safeParse({}).success).toBe(false);
  });
});
