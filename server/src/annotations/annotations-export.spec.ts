import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NoteListDto } from '@phonghop/shared';
import { PDFDocument } from 'pdf-lib';
import { FakeClock } from '../common/clock.js';
import { DocumentPipeline } from '../documents/document-pipeline.js';
import { DocumentsService } from '../documents/documents.service.js';
import { json } from '../testing/factories.js';
import { AnnotationKit, PLAN, TRACEMONKEY, type Who } from './annotation-test-kit.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotations-export-'));

/** The text of a PDF as poppler extracts it, NFC. */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

describe('annotations export', () => {
  const clock = new FakeClock(new Date('2026-12-01T01:30:00Z'));
  let k: AnnotationKit;
  let documentId: string;

  const note = (text: string, extra: Record<string, unknown> = {}) =>
    k.ink(documentId, { kind: 'note', x: 0.2, y: 0.3, text, tool: undefined, points: undefined, width: undefined, ...extra });
  const get = (who: Who, url: string) => k.t.request('GET', url, { cookie: k.cookies[who] });

  beforeAll(async () => {
    k = await AnnotationKit.start(clock);
    documentId = (await k.upload(PLAN)).id;
    await k.save('nam', note('Ghi chú của tôi: phòng họp', { page: 3 }), 1);
    await k.save('nam', k.ink(documentId, { tool: 'highlighter', colour: '#facc15', width: 0.02 }), 1);
    await k.save('nam', k.ink(documentId, { kind: 'highlight', colour: '#facc15', rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }], quote: 'cải cách hành chính', tool: undefined, points: undefined, width: undefined }), 1);
    const erased = note('Ghi chú đã xóa');
    await k.save('nam', erased, 1);
    await k.save('nam', { ...erased, deleted: true }, 2);
    await k.save('lan', note('Bí mật của Lan'), 1);
    await k.save('lan', note('Lan chia sẻ với mọi người', { shared: true }), 1);
  }, 60_000);
  afterAll(async () => {
    await k.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("downloads the member's annotated copy: a valid PDF with their note, as an attachment never cached", async () => {
    const res = await get('nam', `/api/documents/${documentId}/annotated-pdf?version=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[^"]*ban co ghi chu\)\.pdf"/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('ke-hoach-cai-cach-hanh-chinh-2021-2025 (bản có ghi chú).pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(7 + 1);
    const text = pdfText(bytes);
    expect(text).toContain('Ghi chú của tôi: phòng họp');
    expect(text).toContain('Ghi chú 1 — trang 3');
    expect(text).toContain('Đoạn tô sáng — trang 2');
    expect(text).not.toContain('Ghi chú đã xóa');
  });

  it("leaves out other members' annotations, private and shared alike", async () => {
    const text = pdfText(new Uint8Array(await (await get('nam', `/api/documents/${documentId}/annotated-pdf?version=1`)).arrayBuffer()));
    expect(text).not.toContain('Bí mật của Lan');
    expect(text).not.toContain('Lan chia sẻ');
    const lans = pdfText(new Uint8Array(await (await get('lan', `/api/documents/${documentId}/annotated-pdf`)).arrayBuffer()));
    expect(lans).toContain('Bí mật của Lan');
    expect(lans).not.toContain('Ghi chú của tôi');
  });

  it('answers 404 outside the meeting and 403 to a guest without a grant, for both exports', async () => {
    for (const url of [`/api/documents/${documentId}/annotated-pdf?version=1`, `/api/documents/${documentId}/notes?version=1`]) {
      const outsider = await get('outsider', url);
      expect(outsider.status).toBe(404);
      expect(await outsider.json()).toMatchObject({ code: 'NOT_FOUND' });
      const guest = await get('guest', url);
      expect(guest.status).toBe(403);
      expect(await guest.json()).toMatchObject({ code: 'DOCUMENT_ACCESS_DENIED' });
    }
  });

  it('refuses a version the document does not have and a bad format', async () => {
    expect((await get('nam', `/api/documents/${documentId}/annotated-pdf?version=9`)).status).toBe(404);
    const bad = await get('nam', `/api/documents/${documentId}/notes?format=xls`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { format: expect.any(String) } });
  });

  it('answers 422 with a Vietnamese message, not a crash, when the stored PDF turns out damaged', async () => {
    const other = (await k.upload(TRACEMONKEY)).id;
    const { pdfSha256 } = await k.t.app.get(DocumentsService).versionOf(other, 1);
    // The store is this test app's own temp directory: damaging its blob touches nothing else.
    fs.writeFileSync(k.t.app.get(DocumentPipeline, { strict: false }).store.path(pdfSha256), 'hỏng');
    const res = await get('nam', `/api/documents/${other}/annotated-pdf?version=1`);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'PDF_INVALID', message: expect.stringMatching(/bị hỏng nên không ghép được ghi chú/) });
    expect((await get('nam', `/api/documents/${documentId}/annotated-pdf?version=1`)).status).toBe(200);
  });

  it("lists the member's own notes and highlights as JSON, by page, in Vietnam time", async () => {
    const list = await json<NoteListDto>(await get('nam', `/api/documents/${documentId}/notes?version=1`));
    expect(list).toMatchObject({ documentId, version: 1, title: 'ke-hoach-cai-cach-hanh-chinh-2021-2025' });
    expect(list.notes.map((n) => [n.page, n.kind, n.text])).toEqual([
      [2, 'highlight', 'cải cách hành chính'],
      [3, 'note', 'Ghi chú của tôi: phòng họp'],
    ]);
    expect(list.notes[1]).toMatchObject({ updatedAt: '2026-12-01T01:30:00.000Z', updatedAtVn: '01/12/2026 08:30', shared: false });
  });

  it('downloads the list as UTF-8 text and as CSV with a BOM for Excel', async () => {
    const txt = await get('nam', `/api/documents/${documentId}/notes?version=1&format=txt`);
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(txt.headers.get('content-disposition')).toMatch(/^attachment; .*\.txt$/);
    const text = await txt.text();
    expect(text).toContain('Trang 3 · Ghi chú · 01/12/2026 08:30\nGhi chú của tôi: phòng họp');
    expect(text).not.toContain('Lan');

    const csv = await get('nam', `/api/documents/${documentId}/notes?version=1&format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('3,"Ghi chú","Ghi chú của tôi: phòng họp","01/12/2026 08:30"');
  });
});
