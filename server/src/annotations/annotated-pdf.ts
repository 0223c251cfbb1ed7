import fontkit from '@pdf-lib/fontkit';
import type { AnnotationBody } from '@phonghop/shared';
import {
  BlendMode,
  type Color,
  degrees,
  EncryptedPDFError,
  LineCapStyle,
  LineJoinStyle,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineJoin,
} from 'pdf-lib';

/**
 * "Tải bản có ghi chú": a member's marks burned into a copy of the document's PDF (issue 6, point 4). Pure over
 * bytes: the caller reads the file and the rows and sends the answer. Marks are drawn into the page content (not as
 * PDF annotations), so every viewer and printer shows them and nobody can strip them by accident.
 */

export type BurnableAnnotation = AnnotationBody & { page: number };

export interface BurnOptions {
  /** A TrueType font with Vietnamese coverage (Tinos), embedded as a subset; never a system font. */
  font: Uint8Array;
  boldFont: Uint8Array;
  /** The document's name, printed at the top of the "Ghi chú" page. */
  title: string;
}

/** The source PDF cannot be rewritten: `encrypted` (a password or owner restrictions) or `invalid` (damaged). */
export class AnnotatedPdfError extends Error {
  constructor(readonly reason: 'encrypted' | 'invalid', cause?: unknown) {
    super(`annotated PDF: source ${reason}`, { cause });
  }
}

/** Highlighter strokes and text highlights alike: the text stays readable through them. */
const MARKER_OPACITY = 0.35;
const NOTE_COLOUR = '#facc15';
const NOTE_ICON_PT = 14;

/** Point (dx, dy) of the page as displayed (origin top-left, y down, in points) → default user space. */
interface PageFrame {
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  toUser(dx: number, dy: number): { x: number; y: number };
}

/**
 * The page as a reader shows it: the visible box (CropBox within MediaBox, whose origin need not be 0,0) turned by
 * /Rotate clockwise. The tablet stores marks as 0..1 of that displayed page, as pdf.js's viewport gives them.
 */
function pageFrame(page: PDFPage): PageFrame {
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  const x0 = Math.max(media.x, crop.x);
  const y0 = Math.max(media.y, crop.y);
  const x1 = Math.min(media.x + media.width, crop.x + crop.width);
  const y1 = Math.min(media.y + media.height, crop.y + crop.height);
  const [w, h] = x1 > x0 && y1 > y0 ? [x1 - x0, y1 - y0] : [media.width, media.height];
  const [bx, by] = x1 > x0 && y1 > y0 ? [x0, y0] : [media.x, media.y];
  const angle = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const rotation = angle as PageFrame['rotation'];
  const turned = rotation === 90 || rotation === 270;
  const toUser = (dx: number, dy: number) => {
    switch (rotation) {
      case 0:
        return { x: bx + dx, y: by + h - dy };
      case 90:
        return { x: bx + dy, y: by + dx };
      case 180:
        return { x: bx + w - dx, y: by + dy };
      case 270:
        return { x: bx + w - dy, y: by + h - dx };
    }
  };
  return { width: turned ? h : w, height: turned ? w : h, rotation, toUser };
}

function colourOf(hex: string | undefined, fallback: string): Color {
  const v = /^#[0-9a-fA-F]{6}$/.test(hex ?? '') ? hex! : fallback;
  return rgb(parseInt(v.slice(1, 3), 16) / 255, parseInt(v.slice(3, 5), 16) / 255, parseInt(v.slice(5, 7), 16) / 255);
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function drawInk(page: PDFPage, frame: PageFrame, a: Extract<BurnableAnnotation, { kind: 'ink' }>): void {
  const points = a.points.map(([u, v]) => frame.toUser(clamp01(u) * frame.width, clamp01(v) * frame.height));
  // An SVG path with y negated: drawSvgPath flips the y axis (scale 1, -1) around its origin (0, 0).
  const path = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x.toFixed(2)} ${(-p.y).toFixed(2)}`).join(' ');
  const single = points.length === 1 ? ` L${points[0].x.toFixed(2)} ${(-points[0].y).toFixed(2)}` : '';
  const highlighter = a.tool === 'highlighter';
  page.pushOperators(pushGraphicsState(), setLineJoin(LineJoinStyle.Round));
  page.drawSvgPath(path + single, {
    x: 0,
    y: 0,
    borderColor: colourOf(a.colour, '#000000'),
    borderWidth: Math.max(0.3, a.width * frame.width),
    borderLineCap: LineCapStyle.Round,
    ...(highlighter ? { borderOpacity: MARKER_OPACITY, blendMode: BlendMode.Multiply } : {}),
  });
  page.pushOperators(popGraphicsState());
}

function drawHighlight(page: PDFPage, frame: PageFrame, a: Extract<BurnableAnnotation, { kind: 'highlight' }>): void {
  for (const r of a.rects) {
    const p = frame.toUser(clamp01(r.x) * frame.width, clamp01(r.y) * frame.height);
    const q = frame.toUser(clamp01(r.x + r.w) * frame.width, clamp01(r.y + r.h) * frame.height);
    page.drawRectangle({
      x: Math.min(p.x, q.x),
      y: Math.min(p.y, q.y),
      width: Math.abs(q.x - p.x),
      height: Math.abs(q.y - p.y),
      color: colourOf(a.colour, NOTE_COLOUR),
      opacity: MARKER_OPACITY,
      blendMode: BlendMode.Multiply,
    });
  }
}

/** A numbered square with its top-left corner at the note's point (kept inside the page), upright as displayed. */
function drawNoteIcon(page: PDFPage, frame: PageFrame, a: Extract<BurnableAnnotation, { kind: 'note' }>, n: number, bold: PDFFont): void {
  const s = NOTE_ICON_PT;
  const dx = Math.min(clamp01(a.x) * frame.width, frame.width - s);
  const dy = Math.min(clamp01(a.y) * frame.height, frame.height - s);
  const p = frame.toUser(dx, dy);
  const q = frame.toUser(dx + s, dy + s);
  page.drawRectangle({
    x: Math.min(p.x, q.x),
    y: Math.min(p.y, q.y),
    width: s,
    height: s,
    color: colourOf(a.colour, NOTE_COLOUR),
    borderColor: rgb(0.2, 0.2, 0.2),
    borderWidth: 0.8,
  });
  const label = String(n);
  const size = label.length > 2 ? 6 : 8;
  const base = frame.toUser(dx + s / 2 - bold.widthOfTextAtSize(label, size) / 2, dy + s / 2 + size * 0.35);
  page.drawText(label, { x: base.x, y: base.y, size, font: bold, color: rgb(0, 0, 0), rotate: degrees(frame.rotation) });
}

/** Lines of at most `width` points: words kept whole unless a single word is wider than the line. */
function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const ch of Array.from(word)) {
        if (line && font.widthOfTextAtSize(line + ch, size) > width) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Printable text: NFC (Tinos has the precomposed Vietnamese letters), controls and tabs as spaces. */
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const clean = (s: string) => s.normalize('NFC').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/gu, ' ');

interface Entry {
  heading: string;
  text: string;
}

/** "Ghi chú" pages at the end: each note by its number and page, then each highlighted passage. */
function appendNotesPages(doc: PDFDocument, entries: Entry[], title: string, regular: PDFFont, bold: PDFFont): void {
  const A4 = { width: 595.28, height: 841.89 };
  const margin = 56;
  const width = A4.width - 2 * margin;
  let page = doc.addPage([A4.width, A4.height]);
  let y = A4.height - margin;
  const line = (text: string, font: PDFFont, size: number, gap = 4) => {
    if (y - size < margin) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - margin;
    }
    y -= size;
    page.drawText(text, { x: margin, y, size, font, color: rgb(0, 0, 0) });
    y -= gap;
  };
  line('Ghi chú', bold, 16, 6);
  for (const l of wrapText(clean(title), regular, 11, width)) line(l, regular, 11);
  y -= 10;
  for (const e of entries) {
    line(e.heading, bold, 11, 3);
    for (const l of wrapText(clean(e.text), regular, 11, width)) line(l, regular, 11, 3);
    y -= 8;
  }
}

/**
 * The PDF with the annotations drawn in: ink as polylines (highlighter translucent, multiply), highlights as
 * translucent boxes, notes as numbered squares whose texts are listed, with highlighted passages, on "Ghi chú"
 * pages appended at the end. Deleted rows must be left out by the caller; a page beyond the document is skipped.
 */
export async function burnAnnotations(pdfBytes: Uint8Array, annotations: readonly BurnableAnnotation[], options: BurnOptions): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  } catch (error) {
    throw new AnnotatedPdfError(error instanceof EncryptedPDFError || hasEncryptEntry(pdfBytes) ? 'encrypted' : 'invalid', error);
  }
  try {
    const pages = doc.getPages();
    if (pages.length === 0) throw new AnnotatedPdfError('invalid');
    doc.registerFontkit(fontkit);
    const regular = await doc.embedFont(options.font, { subset: true });
    const bold = await doc.embedFont(options.boldFont, { subset: true });
    const ordered = annotations.filter((a) => a.page >= 1 && a.page <= pages.length).sort((a, b) => a.page - b.page);
    const entries: Entry[] = [];
    const wrapped = new Set<PDFPage>();
    let noteNumber = 0;
    for (const a of ordered) {
      const page = pages[a.page - 1];
      if (!wrapped.has(page)) {
        isolateExistingContent(doc, page);
        wrapped.add(page);
      }
      const frame = pageFrame(page);
      switch (a.kind) {
        case 'ink':
          drawInk(page, frame, a);
          break;
        case 'highlight':
          drawHighlight(page, frame, a);
          if (a.quote.trim()) entries.push({ heading: `Đoạn tô sáng — trang ${a.page}`, text: a.quote });
          break;
        case 'note':
          noteNumber += 1;
          drawNoteIcon(page, frame, a, noteNumber, bold);
          entries.push({ heading: `Ghi chú ${noteNumber} — trang ${a.page}`, text: a.text });
          break;
      }
    }
    if (entries.length) appendNotesPages(doc, entries, options.title, regular, bold);
    return await doc.save();
  } catch (error) {
    if (error instanceof AnnotatedPdfError) throw error;
    throw new AnnotatedPdfError('invalid', error);
  }
}

/**
 * pdf-lib reports an encrypted file as such only when it got as far as the trailer; an encrypted cross-reference
 * stream fails earlier as a parse error. The /Encrypt key sits in the trailer or the (unencrypted) xref stream dict.
 */
function hasEncryptEntry(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt');
}

/**
 * Wraps the page's own content in q … Q, so a transformation it leaves in force (legal, and common) cannot move or
 * scale what is drawn after it.
 */
function isolateExistingContent(doc: PDFDocument, page: PDFPage): void {
  page.node.normalize();
  const start = doc.context.register(doc.context.contentStream([pushGraphicsState()]));
  const end = doc.context.register(doc.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}
