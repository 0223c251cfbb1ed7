import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { degrees, PDFDocument } from 'pdf-lib';
import { officialFonts } from '../minutes/official-pdf.js';
import { fixture } from '../testing/fixture-files.js';
import { AnnotatedPdfError, type BurnableAnnotation, burnAnnotations } from './annotated-pdf.js';
import { PLAN } from './annotation-test-kit.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotated-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fonts = officialFonts();
const options = { font: fonts.regular, boldFont: fonts.bold, title: 'Kế hoạch cải cách hành chính.pdf' };
const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');

/** Page `page` rendered in grey at `dpi` by poppler: width, height and the pixel reader (0 black … 255 white). */
function render(file: string, page: number, dpi: number) {
  const prefix = path.join(dir, `r-${path.basename(file)}-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const body = pgm.subarray(header[0].length);
  return { width, height, at: (fx: number, fy: number) => body[Math.floor(fy * height) * width + Math.floor(fx * width)] };
}

const note = (page: number, t: string, x = 0.5, y = 0.5): BurnableAnnotation => ({ kind: 'note', page, x, y, text: t });
const stroke = (page: number, points: Array<[number, number]>, extra: Partial<BurnableAnnotation> = {}): BurnableAnnotation =>
  ({ kind: 'ink', page, tool: 'pen', colour: '#dc2626', width: 0.01, points, ...extra }) as BurnableAnnotation;

describe('burnAnnotations', () => {
  it('keeps the pages, appends one "Ghi chú" page, and the result passes qpdf --check', async () => {
    const source = fixture(PLAN);
    const out = await burnAnnotations(source, [note(2, 'Xem lại mục 3'), stroke(1, [[0.1, 0.1], [0.2, 0.2]])], options);
    const before = (await PDFDocument.load(source)).getPageCount();
    expect((await PDFDocument.load(out)).getPageCount()).toBe(before + 1);
    const check = spawnSync('qpdf', ['--check', write('check.pdf', out)], { encoding: 'utf8' });
    expect(check.status).toBe(0);
  });

  it('adds no page when there is no note and no highlighted passage', async () => {
    const source = fixture(PLAN);
    const out = await burnAnnotations(source, [stroke(1, [[0.1, 0.1], [0.2, 0.2]])], options);
    expect((await PDFDocument.load(out)).getPageCount()).toBe((await PDFDocument.load(source)).getPageCount());
  });

  it('writes a Vietnamese note that reads back with its diacritics, with its page number, and a highlighted passage', async () => {
    const out = await burnAnnotations(
      fixture(PLAN),
      [
        note(3, 'Ghi chú của tôi: phòng họp'),
        { kind: 'highlight', page: 2, colour: '#facc15', rects: [{ x: 0.1, y: 0.3, w: 0.5, h: 0.02 }], quote: 'cải cách thủ tục hành chính' },
      ],
      options,
    );
    const all = text(write('notes.pdf', out));
    expect(all).toContain('Ghi chú của tôi: phòng họp');
    expect(all).toContain('Ghi chú 1 — trang 3');
    expect(all).toContain('cải cách thủ tục hành chính');
  });

  it('wraps a long note over several lines and pages without losing a word', async () => {
    const long = Array.from({ length: 400 }, (_, k) => `từ${k}`).join(' ');
    const out = await burnAnnotations(fixture(PLAN), [note(1, long), note(1, 'dòng một\ndòng hai')], options);
    const all = text(write('long.pdf', out)).replace(/\s+/g, ' ');
    expect(all).toContain('từ0 từ1');
    expect(all).toContain('từ399');
    expect(all).toContain('dòng một dòng hai');
  });

  it('draws an ink stroke where it was made on the rendered page', async () => {
    const source = fixture(PLAN);
    const out = await burnAnnotations(source, [stroke(2, [[0.1, 0.04], [0.9, 0.04]])], options);
    const before = render(write('plain.pdf', source), 2, 30);
    const after = render(write('inked.pdf', out), 2, 30);
    expect(before.at(0.5, 0.04)).toBeGreaterThan(200);
    expect(after.at(0.5, 0.04)).toBeLessThan(160);
    expect(after.at(0.5, 0.5)).toBe(before.at(0.5, 0.5));
  });

  it('maps marks on a rotated page with a MediaBox not at 0,0 to where the reader showed them', async () => {
    const doc = await PDFDocument.create();
    for (const angle of [90, 180, 270]) {
      const page = doc.addPage([300, 200]);
      page.setMediaBox(40, 60, 300, 200);
      page.setRotation(degrees(angle));
    }
    const source = await doc.save();
    // A short thick stroke near the displayed top-left corner only.
    const marks = [1, 2, 3].map((p) => stroke(p, [[0.1, 0.1], [0.2, 0.1]], { colour: '#000000', width: 0.04 }));
    const file = write('rotated.pdf', await burnAnnotations(source, marks, options));
    for (const p of [1, 2, 3]) {
      const r = render(file, p, 72);
      expect(p === 2 ? [r.width, r.height] : [r.height, r.width]).toEqual([300, 200]);
      expect(r.at(0.15, 0.1)).toBeLessThan(80);
      expect(r.at(0.85, 0.9)).toBeGreaterThan(240);
      expect(r.at(0.15, 0.9)).toBeGreaterThan(240);
      expect(r.at(0.85, 0.1)).toBeGreaterThan(240);
    }
  });

  it('refuses an encrypted source and a damaged one with a reason, never a crash', async () => {
    const plain = write('to-encrypt.pdf', fixture(PLAN));
    const locked = path.join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'mat-khau', 'chu-so-huu', '256', '--', plain, locked]);
    await expect(burnAnnotations(fs.readFileSync(locked), [note(1, 'x')], options)).rejects.toMatchObject({ reason: 'encrypted' });
    const garbage = new TextEncoder().encode('đây không phải PDF');
    await expect(burnAnnotations(garbage, [note(1, 'x')], options)).rejects.toBeInstanceOf(AnnotatedPdfError);
    await expect(burnAnnotations(garbage, [], options)).rejects.toMatchObject({ reason: 'invalid' });
  });
});
