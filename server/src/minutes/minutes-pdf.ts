import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { type MinutesDocument, type Run, signatureLines } from './minutes-document.js';
import { addSignaturePlaceholder } from './signing/pdf-signature.js';

/**
 * The minutes as PDF in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm,
 * right 15 mm; the header block (cơ quan on the left, Quốc hiệu and Tiêu ngữ on the right, each with its rule);
 * số/ký hiệu; địa danh and date in italics; the document type and its summary; the body in 13 pt; the signature
 * blocks; Nơi nhận; page numbers centred in the top margin from page 2. The font is Tinos (metric-compatible with
 * Times New Roman, full Vietnamese coverage) from the @expo-google-fonts/tinos npm package, embedded as a subset.
 */

const mm = (v: number) => (v * 72) / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 13;
const LINE_GAP = 3;

const FONT_FILES = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | null = null;

/** The font files, resolved inside the npm package (never a system font path) and read once. */
export function minutesFonts(): Record<FontName, Buffer> {
  if (fontCache) return fontCache;
  const root = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
  const entries = Object.entries(FONT_FILES).map(([name, file]) => [name, fs.readFileSync(path.join(root, file))]);
  fontCache = Object.fromEntries(entries) as Record<FontName, Buffer>;
  return fontCache;
}

function fontOf(run: Pick<Run, 'bold' | 'italic'>): FontName {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  return run.italic ? 'italic' : 'regular';
}

/** Splits a header line into at most two lines of similar width when it does not fit (e.g. "ỦY BAN NHÂN DÂN / HUYỆN PHỤNG HIỆP"). */
function balanced(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const words = text.split(' ');
  let best = text;
  let bestDiff = Infinity;
  for (let k = 1; k < words.length; k += 1) {
    const a = words.slice(0, k).join(' ');
    const b = words.slice(k).join(' ');
    const diff = Math.abs(doc.widthOfString(a) - doc.widthOfString(b));
    if (doc.widthOfString(a) <= width && doc.widthOfString(b) <= width && diff < bestDiff) {
      best = `${a}\n${b}`;
      bestDiff = diff;
    }
  }
  return best;
}

function centredRule(doc: PDFKit.PDFDocument, centreX: number, y: number, length: number): void {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(0.6)
    .stroke();
}

function header(doc: PDFKit.PDFDocument, d: MinutesDocument): void {
  const leftW = mm(72);
  const rightX = MARGIN.left + mm(70);
  const rightW = CONTENT_WIDTH - mm(70);
  const top = MARGIN.top;

  // left: cơ quan chủ quản (regular), cơ quan ban hành (bold), a rule a third of its width, số/ký hiệu
  let y = top;
  if (d.parentOrg) {
    doc.font('regular').fontSize(12.5);
    doc.text(balanced(doc, d.parentOrg, leftW), MARGIN.left, y, {
      width: leftW,
      align: 'center',
    });
    y = doc.y;
  }
  doc.font('bold').fontSize(12.5);
  const org = balanced(doc, d.org, leftW);
  doc.text(org, MARGIN.left, y, { width: leftW, align: 'center' });
  const orgWidth = Math.max(...org.split('\n').map((l) => doc.widthOfString(l)));
  centredRule(doc, MARGIN.left + leftW / 2, doc.y + 2, orgWidth / 3);
  doc
    .font('regular')
    .fontSize(13)
    .text(d.numberLine, MARGIN.left, doc.y + 8, {
      width: leftW,
      align: 'center',
    });
  const leftBottom = doc.y;

  // right: Quốc hiệu, Tiêu ngữ with a rule as long as it, địa danh and date in italics
  doc.font('bold').fontSize(12.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightW,
    align: 'center',
  });
  doc.font('bold').fontSize(13.5);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.text(motto, rightX, doc.y, { width: rightW, align: 'center' });
  centredRule(doc, rightX + rightW / 2, doc.y + 2, doc.widthOfString(motto));
  doc
    .font('italic')
    .fontSize(13.5)
    .text(d.placeDateLine, rightX, doc.y + 8, {
      width: rightW,
      align: 'center',
    });

  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.x = MARGIN.left;
  doc.font('bold').fontSize(14).text(d.title, MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
    align: 'center',
  });
  doc.font('bold').fontSize(14).text(d.subtitle, { width: CONTENT_WIDTH, align: 'center' });
  centredRule(doc, MARGIN.left + CONTENT_WIDTH / 2, doc.y + 3, mm(30));
  doc.y += 8;
  if (d.draft)
    doc.font('italic').fontSize(12).text('(Dự thảo)', MARGIN.left, doc.y, {
      width: CONTENT_WIDTH,
      align: 'center',
    });
  doc.y += 10;
}

/** pdfkit drops the leading spaces of a continued run: carry them over to the end of the run before. */
function spaced(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  for (let k = 1; k < out.length; k += 1) {
    const lead = /^\s+/.exec(out[k].text);
    if (lead) {
      out[k].text = out[k].text.slice(lead[0].length);
      out[k - 1].text += ' ';
    }
  }
  return out.filter((r, k) => r.text !== '' || k === 0);
}

function paragraph(doc: PDFKit.PDFDocument, input: Run[], indent: boolean): void {
  const runs = spaced(input);
  doc.x = MARGIN.left;
  const options = {
    width: CONTENT_WIDTH,
    align: 'justify' as const,
    indent: indent ? mm(10) : 0,
    lineGap: LINE_GAP,
    paragraphGap: 4,
  };
  runs.forEach((run, k) => {
    doc.font(fontOf(run)).fontSize(BODY_SIZE);
    const continued = k < runs.length - 1;
    if (k === 0) doc.text(run.text, MARGIN.left, doc.y, { ...options, continued });
    else doc.text(run.text, { ...options, continued });
  });
}

function signatures(doc: PDFKit.PDFDocument, d: MinutesDocument): void {
  // the signature blocks and Nơi nhận stay together on one page
  const needed = (d.signature ? 210 : 150) + 30 + 14 * (d.recipients.length + 1);
  if (doc.y + needed > PAGE.height - MARGIN.bottom) doc.addPage();
  const top = doc.y + 12;
  const leftW = mm(70);
  const rightW = mm(85);
  const rightX = PAGE.width - MARGIN.right - rightW;

  doc.font('bold').fontSize(13).text(d.secretary.title, MARGIN.left, top, {
    width: leftW,
    align: 'center',
  });
  doc.font('bold').fontSize(13).text(d.chair.title, rightX, top, { width: rightW, align: 'center' });
  if (d.chair.position)
    doc.text(d.chair.position, rightX, doc.y, {
      width: rightW,
      align: 'center',
    });
  const boxTop = doc.y + 8;
  let nameY = boxTop + 62;
  if (d.signature) {
    const lines = signatureLines(d.signature);
    doc.font('regular').fontSize(9.5);
    const textHeight = doc.heightOfString(lines.join('\n'), {
      width: rightW - 12,
    });
    const boxHeight = textHeight + 12;
    doc.rect(rightX, boxTop, rightW, boxHeight).lineWidth(0.8).strokeColor('#b00000').stroke().strokeColor('black');
    doc
      .fillColor('#b00000')
      .text(lines.join('\n'), rightX + 6, boxTop + 6, {
        width: rightW - 12,
        align: 'left',
      })
      .fillColor('black');
    addSignaturePlaceholder(doc, {
      reason: `Duyệt ${d.meta.title}`,
      name: d.signature.signerName,
      location: d.placeDateLine.split(',')[0],
      contactInfo: d.signature.position,
      signingTime: d.signature.signingTime,
      widgetRect: [rightX, PAGE.height - (boxTop + boxHeight), rightX + rightW, PAGE.height - boxTop],
    });
    nameY = boxTop + boxHeight + 10;
  }
  doc.font('bold').fontSize(13).text(d.chair.name, rightX, nameY, { width: rightW, align: 'center' });
  const chairBottom = doc.y;
  doc.font('bold').fontSize(13).text(d.secretary.name, MARGIN.left, nameY, {
    width: leftW,
    align: 'center',
  });

  doc.y = Math.max(chairBottom, doc.y) + 16;
  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', MARGIN.left, doc.y, { width: leftW });
  doc.font('regular').fontSize(11);
  for (const r of d.recipients) doc.text(r, MARGIN.left, doc.y, { width: leftW });
}

function pageNumbers(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let p = range.start + 1; p < range.start + range.count; p += 1) {
    doc.switchToPage(p);
    doc
      .font('regular')
      .fontSize(13)
      .text(String(p + 1), MARGIN.left, mm(10), {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
  }
}

/** Renders the minutes; with `d.signature` the file carries a signature placeholder for signPdf. */
export function renderMinutesPdf(d: MinutesDocument, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: d.meta.title,
      Subject: d.meta.subject,
      Author: d.org,
      Creator: 'Phòng họp không giấy',
      CreationDate: createdAt,
    },
    lang: 'vi-VN',
  });
  const fonts = minutesFonts();
  for (const name of Object.keys(fonts) as FontName[]) doc.registerFont(name, fonts[name]);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, d);
  for (const block of d.body) {
    if (block.kind === 'heading') {
      doc.moveDown(0.3);
      doc.font('bold').fontSize(BODY_SIZE).text(block.text, MARGIN.left, doc.y, {
        width: CONTENT_WIDTH,
        align: 'left',
        lineGap: LINE_GAP,
        paragraphGap: 4,
      });
    } else {
      paragraph(doc, block.runs, block.indent);
    }
  }
  signatures(doc, d);
  pageNumbers(doc);
  doc.end();
  return done;
}
