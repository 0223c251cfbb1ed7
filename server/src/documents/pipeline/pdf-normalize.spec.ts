import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PdfInspector } from './pdf-inspector.js';
import { FLAT_TREE_KIDS, PdfNormalizer } from './pdf-normalize.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;
// qpdf is a hard requirement in CI; on a developer machine without it, only the fallback is tested.
const withQpdf = hasQpdf || process.env.CI ? it : it.skip;

describe('PdfNormalizer', () => {
  let dir: string;
  const normalizer = new PdfNormalizer();
  const inspector = new PdfInspector();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pdf-normalize-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  withQpdf('linearizes the Vietnamese plan: a valid PDF with the same 7 pages and text', async () => {
    const out = path.join(dir, 'plan.pdf');
    await expect(normalizer.normalize(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf'), out, { expectedPages: 7 })).resolves.toEqual({
      normalized: true,
      layout: 'linearized',
    });
    const head = (await readFile(out)).subarray(0, 1024).toString('latin1');
    expect(head).toMatch(/^%PDF-1\.\d/u);
    expect(head).toMatch(/\/Linearized 1/u); // the linearization dictionary is the first object
    expect(spawnSync('qpdf', ['--check-linearization', out]).status).toBe(0);
    const result = await inspector.inspect(out);
    expect(result.pageCount).toBe(7);
    expect(result.pageTexts.join(' ').includes('phòng họp không giấy')).toBe(true);
  }, 60_000);

  withQpdf('decrypts with the password, so viewers need none', async () => {
    const out = path.join(dir, 'decrypted.pdf');
    await expect(normalizer.normalize(fixture('pdfs/issue6010_1.pdf'), out, { password: 'abc', expectedPages: 1 })).resolves.toEqual({
      normalized: true,
      layout: 'linearized',
    });
    await expect(inspector.inspect(out)).resolves.toMatchObject({ pageCount: 1, encrypted: false });
  }, 60_000);

  withQpdf('accepts exit code 3 (warnings) on a damaged but readable file', async () => {
    const out = path.join(dir, 'repaired.pdf');
    await expect(normalizer.normalize(fixture('pdfs/helloworld-bad.pdf'), out, { expectedPages: 1 })).resolves.toMatchObject({ normalized: true });
    await expect(inspector.inspect(out)).resolves.toMatchObject({ pageCount: 1 });
  }, 60_000);

  /** The linearization parameter dictionary (/Linearized 1) is the first object of a linearized file. */
  const isLinearized = async (file: string): Promise<boolean> => /\/Linearized\s+1/u.test((await readFile(file)).subarray(0, 1024).toString('latin1'));

  withQpdf('keeps a balanced page tree linearized (tracemonkey: 3 root kids)', async () => {
    const input = fixture('pdfs/tracemonkey.pdf');
    await expect(normalizer.rootKidCount(input)).resolves.toBe(3);
    const out = path.join(dir, 'tracemonkey.pdf');
    await expect(normalizer.normalize(input, out, { expectedPages: 14 })).resolves.toEqual({ normalized: true, layout: 'linearized' });
    expect(await isLinearized(out)).toBe(true);
    expect(spawnSync('qpdf', ['--check-linearization', out]).status).toBe(0);
  }, 60_000);

  withQpdf(`writes a flat page tree (> ${FLAT_TREE_KIDS} root kids) with object streams, not linearized`, async () => {
    // qpdf --pages puts every page directly under the root /Pages node, as LibreOffice does: 40 kids.
    const tracemonkey = fixture('pdfs/tracemonkey.pdf');
    const flat = path.join(dir, 'flat-40.pdf');
    const made = spawnSync('qpdf', ['--empty', '--pages', tracemonkey, '1-14', tracemonkey, '1-14', tracemonkey, '1-12', '--', flat]);
    expect(made.status).toBe(0);
    await expect(normalizer.rootKidCount(flat)).resolves.toBe(40);
    const out = path.join(dir, 'flat-40-normalized.pdf');
    await expect(normalizer.normalize(flat, out, { expectedPages: 40 })).resolves.toEqual({ normalized: true, layout: 'object-streams' });
    expect(await isLinearized(out)).toBe(false);
    const check = spawnSync('qpdf', ['--check-linearization', out], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toMatch(/not linearized/u);
    // the page dictionaries are packed into object streams (PDF 1.5 cross-reference stream)
    expect((await readFile(out)).toString('latin1')).toMatch(/\/Type\s*\/ObjStm/u);
    const result = await inspector.inspect(out);
    expect(result.pageCount).toBe(40);
    expect(result.pageTexts.join(' ').includes('Trace-based Just-in-Time Type Specialization')).toBe(true);
  }, 60_000);

  withQpdf('falls back when qpdf fails or disagrees about the page count, leaving no output', async () => {
    const out = path.join(dir, 'bad.pdf');
    const failed = await normalizer.normalize(fixture('hostile/truncated.pdf'), out);
    expect(failed).toMatchObject({ normalized: false, reason: expect.stringMatching(/qpdf exited with 2/u) });
    const disagrees = await normalizer.normalize(fixture('pdfs/tracemonkey.pdf'), out, { expectedPages: 13 });
    expect(disagrees).toMatchObject({ normalized: false, reason: expect.stringMatching(/14 pages/u) });
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);

  it('falls back when qpdf is absent', async () => {
    const absent = new PdfNormalizer({ qpdfPath: path.join(dir, 'no-such-qpdf') });
    const result = await absent.normalize(fixture('pdfs/tracemonkey.pdf'), path.join(dir, 'x.pdf'));
    expect(result).toMatchObject({ normalized: false, reason: expect.stringMatching(/could not start.*ENOENT/u) });
  });

  it('falls back on timeout', async () => {
    const slow = path.join(dir, 'slow-qpdf');
    await writeFile(slow, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const started = Date.now();
    const result = await new PdfNormalizer({ qpdfPath: slow, timeoutMs: 200 }).normalize(fixture('pdfs/tracemonkey.pdf'), path.join(dir, 'y.pdf'));
    expect(result).toMatchObject({ normalized: false, reason: expect.stringMatching(/timed out/u) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
