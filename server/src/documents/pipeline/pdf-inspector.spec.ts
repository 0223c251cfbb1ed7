import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { type PdfInspection, PdfInspector } from './pdf-inspector.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

type Expected = { pages: number; text?: string; encrypted?: boolean; title?: string } | { code: string };

// Every sample with its outcome (test/fixtures/README.md). Page counts of the damaged files agree between
// pdf.js, `qpdf --show-npages` and `pdfinfo`, except poppler-395-0-fuzzed.pdf (qpdf: 0 pages, pdfinfo and
// pdf.js: no page tree), which is refused.
const CASES: Array<[file: string, expected: Expected, password?: string]> = [
  ['pdfs/tracemonkey.pdf', { pages: 14, text: 'Trace-based Just-in-Time Type Specialization' }],
  ['pdfs/freeculture.pdf', { pages: 352, text: 'FREE CULTURE', title: 'Free Culture' }],
  ['pdfs/annotation-highlight.pdf', { pages: 1, text: 'Highlight' }],
  ['pdfs/annotation-freetext.pdf', { pages: 1, text: 'FreeText' }],
  ['pdfs/evaljs.pdf', { pages: 2 }],
  ['pdfs/js-buttons.pdf', { pages: 1, text: 'Checkboxes' }],
  // text only: the 100000×100000 JBIG2 image is never decoded
  ['pdfs/bomb_giant.pdf', { pages: 1, text: 'GIANT JBIG2 BOMB' }],
  ['pdfs/GHOSTSCRIPT-698804-1-fuzzed.pdf', { pages: 1 }],
  ['pdfs/PDFBOX-3148-2-fuzzed.pdf', { pages: 1 }],
  ['pdfs/helloworld-bad.pdf', { pages: 1, text: 'Hello, world!' }],
  ['pdfs/scan-bad.pdf', { pages: 1, text: 'pdf.js' }],
  ['pdfs/pdfjsbad1586.pdf', { pages: 1, text: 'pdf.js test' }],
  ['pdfs/poppler-395-0-fuzzed.pdf', { code: 'PDF_INVALID' }],
  ['pdfs/issue6010_1.pdf', { code: 'PDF_ENCRYPTED' }],
  ['pdfs/issue6010_1.pdf', { pages: 1, encrypted: true, text: 'Issue 6010' }, 'abc'],
  ['pdfs/issue6010_1.pdf', { code: 'PDF_PASSWORD_WRONG' }, 'wrong'],
  ['pdfs/issue3371.pdf', { code: 'PDF_ENCRYPTED' }],
  ['pdfs/issue3371.pdf', { pages: 1, encrypted: true }, 'ELXRTQWS'],
  ['pdfs/issue3371.pdf', { code: 'PDF_PASSWORD_WRONG' }, 'elxrtqws'],
  // hostile/: sniffing stops empty, not-a-pdf and png-named first; pdf.js refuses them too
  ['hostile/empty.pdf', { code: 'PDF_INVALID' }],
  ['hostile/not-a-pdf.pdf', { code: 'PDF_INVALID' }],
  ['hostile/png-named.pdf', { code: 'PDF_INVALID' }],
  ['hostile/truncated.pdf', { code: 'PDF_INVALID' }], // 4 KiB of a PDF: no xref, no page tree, nothing to recover
  ['hostile/pdf-header-html-body.pdf', { code: 'PDF_INVALID' }],
  ['vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf', { pages: 7, text: 'phòng họp không giấy', encrypted: false }],
];

describe('PdfInspector on every sample', () => {
  const inspector = new PdfInspector({ concurrency: 2 });
  // All jobs start at once and queue on the inspector's own semaphore; each test awaits its result.
  const results = new Map<string, Promise<PdfInspection>>();
  const key = (file: string, password?: string): string => `${file}::${password ?? ''}`;
  for (const [file, , password] of CASES) {
    const job = inspector.inspect(fixture(file), { password });
    job.catch(() => undefined); // awaited by its test
    results.set(key(file, password), job);
  }

  // Objects, not rows: with a row shorter than the callback's parameter list Jest passes `done` and waits for it.
  const table = CASES.map(([file, expected, password]) => ({ file, expected, password: password ?? '' }));
  it.each(table)('$file with password "$password" → $expected', async ({ file, expected, password }) => {
    const job = results.get(key(file, password || undefined))!;
    if ('code' in expected) {
      await expect(job).rejects.toMatchObject({ code: expected.code });
      return;
    }
    const result = await job;
    expect(result.pageCount).toBe(expected.pages);
    expect(result.pageTexts).toHaveLength(expected.pages);
    expect(result.encrypted).toBe(expected.encrypted ?? false);
    // booleans, not toContain: a failure would otherwise print the whole 700 kB of text
    if (expected.text) expect(result.pageTexts.join('\n').includes(expected.text)).toBe(true);
    if (expected.title) expect(result.title).toBe(expected.title);
  }, 60_000);

  it('extracts the Vietnamese plan with correct diacritics, NFC, whitespace collapsed', async () => {
    const { pageTexts } = await results.get(key('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf'))!;
    const text = pageTexts.join('\n');
    expect(text.normalize('NFC')).toBe(text);
    expect(text.includes('01 phòng họp không giấy cấp huyện')).toBe(true);
    expect(text.includes('ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP')).toBe(true);
    for (const page of pageTexts) expect(page).not.toMatch(/\s{2,}|^\s|\s$/u);
  }, 60_000);
});

describe('PdfInspector limits', () => {
  const file = fixture('pdfs/freeculture.pdf');

  it('keeps at most maxTextChars of text but still counts every page', async () => {
    const result = await new PdfInspector({ maxTextChars: 100 }).inspect(fixture('pdfs/tracemonkey.pdf'));
    expect(result.pageCount).toBe(14);
    expect(result.pageTexts.join('').length).toBe(100);
    expect(result.pageTexts.slice(1).every((t) => t === '')).toBe(true);
  }, 60_000);

  it('terminates the worker on timeout → PDF_TOO_COMPLEX', async () => {
    const started = Date.now();
    await expect(new PdfInspector({ timeoutMs: 50 }).inspect(file)).rejects.toMatchObject({ code: 'PDF_TOO_COMPLEX' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('turns a worker out of heap into PDF_TOO_COMPLEX, not a crash', async () => {
    await expect(new PdfInspector({ maxOldGenerationSizeMb: 16 }).inspect(file)).rejects.toMatchObject({ code: 'PDF_TOO_COMPLEX' });
  }, 60_000);
});
