import { CONTENT_WIDTH, centredRule, MARGIN, mm, officialHeader, openOfficialPdf, PAGE, pageNumbers } from '../minutes/official-pdf.js';
import { columns, type Pair, type VoteReportDocument, type VoteSection } from './vote-pdf-document.js';

/**
 * The vote results as PDF: the minutes' page and header block (official-pdf.ts: A4, ND 30 margins, Tinos
 * embedded), then per vote its question, definition, numbers, a table of options with a bar each (the rule's
 * threshold marked on it), the outcome and, for a named vote, every member's choice.
 */

const SIZE = 12;
const SMALL = 11;
const PAD = 3;
const BOTTOM = PAGE.height - MARGIN.bottom;
const GREY = '#6b6b6b';
const LIGHT = '#e6e6e6';

// Phương án | Số phiếu | Tỷ lệ | bar | Đạt
const OPTION_COLS = columns(CONTENT_WIDTH, [36, 11, 13, 30, 10]);
// STT | Thành viên | Lựa chọn | Ghi chú
const MEMBER_COLS = columns(CONTENT_WIDTH, [7, 38, 27, 28]);

/** Starts a new page unless `height` still fits above the bottom margin. */
function ensure(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= BOTTOM) return false;
  doc.addPage();
  return true;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], cols: readonly { width: number }[]): number {
  return Math.max(...cells.map((c, k) => doc.heightOfString(c, { width: cols[k].width - 2 * PAD }))) + 2 * PAD;
}

/** A table row: cells top-aligned, a hairline below; `right` are the indexes of right-aligned (number) cells. */
function row(doc: PDFKit.PDFDocument, cells: readonly string[], cols: readonly { x: number; width: number }[], right: readonly number[] = []): number {
  const height = rowHeight(doc, cells, cols);
  ensure(doc, height);
  const top = doc.y;
  cells.forEach((c, k) => {
    doc.text(c, MARGIN.left + cols[k].x + PAD, top + PAD, { width: cols[k].width - 2 * PAD, align: right.includes(k) ? 'right' : 'left' });
  });
  doc
    .moveTo(MARGIN.left, top + height)
    .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
    .lineWidth(0.4)
    .strokeColor(LIGHT)
    .stroke()
    .strokeColor('black');
  doc.y = top + height;
  return top;
}

function pairs(doc: PDFKit.PDFDocument, items: readonly Pair[]): void {
  const labelW = mm(70);
  for (const [label, value] of items) {
    const h = Math.max(doc.font('regular').fontSize(SIZE).heightOfString(`${label}:`, { width: labelW }), doc.heightOfString(value, { width: CONTENT_WIDTH - labelW }));
    ensure(doc, h + 2);
    const top = doc.y;
    doc.font('regular').fontSize(SIZE).fillColor(GREY).text(`${label}:`, MARGIN.left, top, { width: labelW });
    doc.fillColor('black').text(value, MARGIN.left + labelW, top, { width: CONTENT_WIDTH - labelW });
    doc.y = top + h + 2;
  }
}

function bar(doc: PDFKit.PDFDocument, x: number, y: number, width: number, fraction: number, threshold: number | null, reached: boolean): void {
  const h = 9;
  doc.rect(x, y, width, h).fillColor(LIGHT).fill();
  if (fraction > 0) doc.rect(x, y, width * fraction, h).fillColor(reached ? '#1f5f3a' : '#4a4a4a').fill();
  if (threshold !== null)
    doc
      .moveTo(x + width * threshold, y - 2)
      .lineTo(x + width * threshold, y + h + 2)
      .lineWidth(0.8)
      .strokeColor('#b00000')
      .stroke()
      .strokeColor('black');
  doc.fillColor('black');
}

function optionsTable(doc: PDFKit.PDFDocument, s: VoteSection): void {
  if (!s.options) return;
  doc.font('bold').fontSize(SMALL);
  ensure(doc, 2 * (SMALL + 2 * PAD) + 4);
  row(doc, ['Phương án', 'Số phiếu', 'Tỷ lệ', '', 'Đạt'], OPTION_COLS, [1, 2]);
  doc.font('regular').fontSize(SMALL);
  for (const o of s.options) {
    const top = row(doc, [o.label, String(o.count), o.percent, '', o.reached ? 'Đạt' : ''], OPTION_COLS, [1, 2]);
    const col = OPTION_COLS[3];
    bar(doc, MARGIN.left + col.x + PAD, top + PAD + 2, col.width - 2 * PAD, o.fraction, s.thresholdFraction, o.reached);
  }
  if (s.thresholdFraction !== null)
    doc
      .font('italic')
      .fontSize(9.5)
      .fillColor(GREY)
      .text('Vạch đỏ: số phiếu cần để thông qua.', MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH, align: 'right' })
      .fillColor('black');
}

function membersTable(doc: PDFKit.PDFDocument, s: VoteSection): void {
  if (!s.members) return;
  const head = ['STT', 'Thành viên', 'Lựa chọn', 'Ghi chú'];
  doc.moveDown(0.4);
  ensure(doc, 3 * (SMALL + 2 * PAD) + 16);
  doc.font('bold').fontSize(SIZE).text('Biểu quyết của từng thành viên', MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.font('bold').fontSize(SMALL);
  row(doc, head, MEMBER_COLS);
  s.members.forEach((m, i) => {
    doc.font('regular').fontSize(SMALL);
    const cells = [String(i + 1), m.name, m.choice, m.note];
    // a table that goes on to the next page repeats its heading there
    if (ensure(doc, rowHeight(doc, cells, MEMBER_COLS))) {
      doc.font('bold').fontSize(SMALL);
      row(doc, head, MEMBER_COLS);
      doc.font('regular').fontSize(SMALL);
    }
    row(doc, cells, MEMBER_COLS);
  });
}

function section(doc: PDFKit.PDFDocument, s: VoteSection): void {
  // a section starts on a new page rather than leave its heading and question alone at the bottom
  ensure(doc, 140);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(13).text(s.heading, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.font('bold').fontSize(13).text(`“${s.question}”`, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH, align: 'justify' });
  doc.moveDown(0.3);
  pairs(doc, s.facts);
  pairs(doc, s.tally);
  doc.moveDown(0.3);
  optionsTable(doc, s);
  if (s.outcome !== null) {
    ensure(doc, 22);
    doc.moveDown(0.3);
    doc.font('bold').fontSize(13).text('Kết quả: ', MARGIN.left, doc.y, { continued: true }).text(s.outcome);
  }
  if (s.notice !== null) doc.font('italic').fontSize(SIZE).text(s.notice, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH });
  membersTable(doc, s);
}

export function renderVoteReportPdf(d: VoteReportDocument, createdAt: Date): Promise<Buffer> {
  const { doc, done } = openOfficialPdf({ title: d.meta.title, subject: d.meta.subject, author: d.header.org, createdAt });
  officialHeader(doc, d.header);
  doc.font('bold').fontSize(14).text(d.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'center' });
  doc.font('bold').fontSize(14).text(d.meetingTitle, { width: CONTENT_WIDTH, align: 'center' });
  doc.font('italic').fontSize(13).text(d.meetingLine, { width: CONTENT_WIDTH, align: 'center' });
  centredRule(doc, MARGIN.left + CONTENT_WIDTH / 2, doc.y + 5, mm(30));
  doc.y += 10;
  for (const s of d.sections) section(doc, s);
  pageNumbers(doc);
  doc.end();
  return done;
}
