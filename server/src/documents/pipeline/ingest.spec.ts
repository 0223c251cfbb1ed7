import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { BlobStore } from './blob-store.js';
import { type IngestInput, ingestDocument } from './ingest.js';
import { OfficeConverter } from './office-convert.js';
import { PdfInspector } from './pdf-inspector.js';
import { PdfNormalizer } from './pdf-normalize.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
const withSoffice = hasSoffice || process.env.CI ? it : it.skip;

/** Every file under a directory, recursively (relative paths). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('ingestDocument', () => {
  let root: string;
  let uploads: string;
  let store: BlobStore;
  const inspector = new PdfInspector();
  const normalizer = new PdfNormalizer();
  const converter = new OfficeConverter();

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ingest-'));
    uploads = await mkdtemp(path.join(os.tmpdir(), 'ingest-uploads-'));
    store = new BlobStore(path.join(root, 'files'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(uploads, { recursive: true, force: true });
  });

  /** An upload as the HTTP layer would leave it: a copy of the fixture streamed into the store's temp area. */
  async function upload(name: string): Promise<string> {
    const copy = path.join(uploads, path.basename(name));
    await copyFile(fixture(name), copy);
    const { createReadStream } = await import('node:fs');
    return (await store.writeStream(createReadStream(copy), { maxBytes: 50 * 1024 * 1024 })).tmpPath;
  }

  const run = (tmpPath: string, originalName: string, extra: Partial<IngestInput> = {}) =>
    ingestDocument({ tmpPath, originalName, store, inspector, converter, normalizer, ...extra });

  it('accepts a PDF: one blob for the upload, one linearized copy, nothing left in tmp', async () => {
    const result = await run(await upload('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf'), '../../Kế hoạch CCHC.pdf');
    expect(result.original).toMatchObject({ kind: 'pdf', name: 'Kế hoạch CCHC.pdf', size: 210947 });
    expect(result.pdf).toMatchObject({ sha256: result.original.sha256, pageCount: 7, encrypted: false });
    expect(result.pdf.pageTexts.join(' ').includes('phòng họp không giấy')).toBe(true);
    expect(result.normalized).not.toBeNull();
    expect(result.normalized!.sha256).not.toBe(result.original.sha256);
    expect(await store.exists(result.original.sha256)).toBe(true);
    expect(await store.exists(result.normalized!.sha256)).toBe(true);
    expect(await filesUnder(store.tmpDir)).toEqual([]);
    expect((await filesUnder(path.join(store.root, 'sha256'))).sort()).toHaveLength(2);
    const normalized = await readFile(store.path(result.normalized!.sha256));
    expect(normalized.subarray(0, 1024).toString('latin1')).toMatch(/\/Linearized 1/u);
  }, 60_000);

  it('trusts the hash computed while streaming the upload: the file is not read again to hash it', async () => {
    const copy = path.join(uploads, 'plan.pdf');
    await copyFile(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf'), copy);
    const { createReadStream } = await import('node:fs');
    const uploaded = await store.writeStream(createReadStream(copy), { maxBytes: 50 * 1024 * 1024 });
    const hashTemp = jest.spyOn(store, 'hashTemp');
    const adopt = jest.spyOn(store, 'adopt');
    const result = await run(uploaded.tmpPath, 'plan.pdf', { uploaded });
    expect(adopt).not.toHaveBeenCalled();
    // only the normalised copy, written by qpdf, is hashed
    expect(hashTemp.mock.calls.every(([p]) => p !== uploaded.tmpPath)).toBe(true);
    expect(result.original).toMatchObject({ sha256: uploaded.sha256, size: uploaded.size });
    expect(await store.exists(uploaded.sha256)).toBe(true);
    expect(await filesUnder(store.tmpDir)).toEqual([]);
  }, 60_000);

  it('stores the same upload once', async () => {
    const a = await run(await upload('pdfs/helloworld-bad.pdf'), 'a.pdf');
    const b = await run(await upload('pdfs/helloworld-bad.pdf'), 'b.pdf');
    expect(b.original.sha256).toBe(a.original.sha256);
    expect(await filesUnder(path.join(store.root, 'sha256'))).toHaveLength(2);
  }, 60_000);

  it.each([
    ['hostile/empty.pdf', 'FILE_EMPTY'],
    ['hostile/not-a-pdf.pdf', 'FILE_TYPE_NOT_SUPPORTED'],
    ['hostile/png-named.pdf', 'FILE_TYPE_NOT_SUPPORTED'],
    ['hostile/truncated.pdf', 'PDF_INVALID'],
    ['hostile/pdf-header-html-body.pdf', 'PDF_INVALID'],
    ['pdfs/poppler-395-0-fuzzed.pdf', 'PDF_INVALID'],
    ['pdfs/issue3371.pdf', 'PDF_ENCRYPTED'],
  ])('refuses %s with %s and stores nothing', async (file, code) => {
    const tmp = await upload(file);
    await expect(run(tmp, path.basename(file))).rejects.toMatchObject({ code });
    expect(await filesUnder(store.root)).toEqual([]);
  }, 60_000);

  it('opens an encrypted PDF with its password and serves a decrypted copy', async () => {
    const result = await run(await upload('pdfs/issue6010_1.pdf'), 'mat-khau.pdf', { password: 'abc' });
    expect(result.pdf).toMatchObject({ pageCount: 1, encrypted: true });
    expect(result.normalized).not.toBeNull();
    await expect(inspector.inspect(store.path(result.normalized!.sha256))).resolves.toMatchObject({ encrypted: false });
    await expect(run(await upload('pdfs/issue6010_1.pdf'), 'x.pdf', { password: 'sai' })).rejects.toMatchObject({
      code: 'PDF_PASSWORD_WRONG',
    });
  }, 60_000);

  it('keeps the PDF when normalisation fails', async () => {
    const broken = new PdfNormalizer({ qpdfPath: '/nonexistent/qpdf' });
    const result = await run(await upload('pdfs/tracemonkey.pdf'), 'tm.pdf', { normalizer: broken });
    expect(result.pdf.pageCount).toBe(14);
    expect(result.normalized).toBeNull();
    expect(result.normalizeError).toMatch(/ENOENT/u);
    expect(await filesUnder(store.tmpDir)).toEqual([]);
  }, 60_000);

  it('accepts a damaged PDF that pdf.js reads but qpdf cannot rewrite, serving the original', async () => {
    const result = await run(await upload('pdfs/PDFBOX-3148-2-fuzzed.pdf'), 'fuzzed.pdf');
    expect(result.pdf.pageCount).toBe(1);
    expect(result.normalized).toBeNull();
    expect(result.normalizeError).toMatch(/qpdf exited with 2/u);
  }, 60_000);

  it('converts an office upload with the given converter and keeps the original (fake converter)', async () => {
    const fake = { convert: (_in: string, _kind: string, out: string) => copyFile(fixture('pdfs/tracemonkey.pdf'), out) };
    const result = await run(await upload('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx'), 'Kế hoạch', { converter: fake });
    expect(result.original).toMatchObject({ kind: 'docx', name: 'Kế hoạch.docx' });
    expect(result.pdf.sha256).not.toBe(result.original.sha256);
    expect(result.pdf.pageCount).toBe(14);
    expect(await filesUnder(path.join(store.root, 'sha256'))).toHaveLength(3);
  }, 60_000);

  it('leaves nothing when the conversion fails', async () => {
    const unavailable = new OfficeConverter({ sofficePath: '/nonexistent/soffice' });
    const tmp = await upload('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx');
    await expect(run(tmp, 'x.docx', { converter: unavailable })).rejects.toMatchObject({ code: 'CONVERTER_UNAVAILABLE' });
    expect(await filesUnder(store.root)).toEqual([]);
  }, 60_000);

  withSoffice('converts the Vietnamese DOCX with LibreOffice end to end', async () => {
    const result = await run(await upload('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx'), 'Kế hoạch cải cách hành chính.docx');
    expect(result.original.kind).toBe('docx');
    expect(result.pdf.pageTexts.join(' ').includes('cải cách hành chính')).toBe(true);
    expect(result.normalized).not.toBeNull();
    expect(await store.exists(result.original.sha256)).toBe(true);
    expect(await store.exists(result.pdf.sha256)).toBe(true);
  }, 120_000);
});
