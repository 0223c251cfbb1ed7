// Writes large, valid PDFs of incompressible images for the benchmarks, without any PDF library:
// raw objects, a classic xref table with exact offsets, and a flat page tree (every page is a direct kid of
// the root /Pages node). Each page draws one 8-bit DeviceGray image of random bytes, stored with
// /FlateDecode in stored (level 0) deflate blocks: it cannot shrink, qpdf passes it through untouched
// (it never recompresses flate unless asked), and pdf.js decodes it like any scanned page.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * @param {string} file output path (written to file.tmp, then renamed: a cached file is always complete)
 * @param {{ pages: number, imageSide: number, label?: string }} spec each image is imageSide² bytes
 */
export function writeImagePdf(file, { pages, imageSide, label = 'bench' }) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let pos = 0;
  const offsets = []; // offsets[objNum] = byte offset
  const write = (data) => {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    fs.writeSync(fd, buf);
    pos += buf.length;
  };
  const obj = (num, body, stream) => {
    offsets[num] = pos;
    write(`${num} 0 obj\n${body}\n`);
    if (stream) {
      write('stream\n');
      write(stream);
      write('\nendstream\n');
    }
    write('endobj\n');
  };

  // 1 = catalog, 2 = pages, then per page i (0-based): page 3+3i, contents 4+3i, image 5+3i.
  const pageNum = (i) => 3 + 3 * i;
  write('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n');
  // Pages in document order first (as most producers write them), the page tree and catalog last.
  const side = imageSide;
  for (let i = 0; i < pages; i++) {
    const p = pageNum(i);
    obj(p, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${p + 2} 0 R >> >> /Contents ${p + 1} 0 R >>`);
    const content = Buffer.from(`q 595 0 0 842 0 0 cm /Im0 Do Q\n0 0 1 RG 4 w 20 20 555 802 re S\n`, 'latin1');
    obj(p + 1, `<< /Length ${content.length} >>`, content);
    const pixels = randomBytes(side * side);
    const data = deflateSync(pixels, { level: 0 });
    obj(p + 2, `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`, data);
  }
  const kids = Array.from({ length: pages }, (_, i) => `${pageNum(i)} 0 R`).join(' ');
  obj(2, `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  obj(1, `<< /Type /Catalog /Pages 2 0 R >>`);
  const infoNum = pageNum(pages);
  obj(infoNum, `<< /Title (${label}) /Producer (bench/lib/pdf-gen.mjs) >>`);

  const size = infoNum + 1;
  const xrefAt = pos;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  write(xref);
  write(`trailer\n<< /Size ${size} /Root 1 0 R /Info ${infoNum} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  return fs.statSync(file).size;
}

/** Reuses bench/.cache/<name> when present (generation is deterministic in size, random in content). */
export function cachedImagePdf(cacheDir, name, spec) {
  const file = path.join(cacheDir, name);
  const started = performance.now();
  if (!fs.existsSync(file)) writeImagePdf(file, spec);
  return { file, size: fs.statSync(file).size, generate_ms: Math.round(performance.now() - started) };
}
