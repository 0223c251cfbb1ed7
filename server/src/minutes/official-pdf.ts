import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * The page of an administrative document as pdfkit draws it, shared by the minutes and the vote results: the layout
 * of Nghị định 30/2020/NĐ-CP, Phụ lục I (A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; the header block
 * with cơ quan on the left, Quốc hiệu and Tiêu ngữ on the right, each with its rule). The font is Tinos
 * (metric-compatible with Times New Roman, full Vietnamese coverage) from the @expo-google-fonts/tinos npm package,
 * embedded as a subset.
 */

export const mm = (v: number) => (v * 72) / 25.4;
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const FONT_FILES = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | null = null;

/** The font files, resolved inside the npm package (never a system font path) and read once. */
export function officialFonts(): Record<FontName, Buffer> {
  if (fontCache) return fontCache;
  const root = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
  const entries = Object.entries(FONT_FILES).map(([name, file]) => [name, fs.readFileSync(path.join(root, file))]);
  fontCache = Object.fromEntries(entries) as Record<FontName, Buffer>;
  return fontCache;
}

export interface OfficialPdfInfo {
  title: string;
  subject: string;
  author: string;
  createdAt: Date;
}

/** An A4 document with the Tinos faces registered under their `FontName`s; `done` resolves with the bytes after `doc.end()`. */
export function openOfficialPdf(info: OfficialPdfInfo): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      Author: info.author,
      Creator: 'Phòng họp không giấy',
      CreationDate: info.createdAt,
    },
    lang: 'vi-VN',
  });
  const fonts = officialFonts();
  for (const name of Object.keys(fonts) as FontName[]) doc.registerFont(name, fonts[name]);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** Splits a header line into at most two lines of similar width when it does not fit (e.g. "ỦY BAN NHÂN DÂN / HUYỆN PHỤNG HIỆP"). */
export function balanced(doc: PDFKit.PDFDocument, text: string, width: number): string {
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

export function centredRule(doc: PDFKit.PDFDocument, centreX: number, y: number, length: number): void {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(0.6)
    .stroke();
}

export interface OfficialHeader {
  /** Cơ quan chủ quản, upper case; empty for none. */
  parentOrg: string;
  /** Cơ quan ban hành, upper case. */
  org: string;
  /** "Số: 15/BB-UBND"; null for a document that is not numbered (an export). */
  numberLine: string | null;
  /** "Phụng Hiệp, ngày 15 tháng 12 năm 2026". */
  placeDateLine: string;
}

/** The header block of page 1; leaves `doc.y` 18 pt below its lower column and `doc.x` at the left margin. */
export function officialHeader(doc: PDFKit.PDFDocument, h: OfficialHeader): void {
  const leftW = mm(72);
  const rightX = MARGIN.left + mm(70);
  const rightW = CONTENT_WIDTH - mm(70);
  const top = MARGIN.top;

  // left: cơ quan chủ quản (regular), cơ quan ban hành (bold), a rule a third of its width, số/ký hiệu
  let y = top;
  if (h.parentOrg) {
    doc.font('regular').fontSize(12.5);
    doc.text(balanced(doc, h.parentOrg, leftW), MARGIN.left, y, {
      width: leftW,
      align: 'center',
    });
    y = doc.y;
  }
  doc.font('bold').fontSize(12.5);
  const org = balanced(doc, h.org, leftW);
  doc.text(org, MARGIN.left, y, { width: leftW, align: 'center' });
  const orgWidth = Math.max(...org.split('\n').map((l) => doc.widthOfString(l)));
  centredRule(doc, MARGIN.left + leftW / 2, doc.y + 2, orgWidth / 3);
  if (h.numberLine !== null)
    doc
      .font('regular')
      .fontSize(13)
      .text(h.numberLine, MARGIN.left, doc.y + 8, {
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
    .text(h.placeDateLine, rightX, doc.y + 8, {
      width: rightW,
      align: 'center',
    });

  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.x = MARGIN.left;
}

/** Page numbers centred in the top margin from page 2 (ND 30). */
export function pageNumbers(doc: PDFKit.PDFDocument): void {
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
