import { type MinutesDocument, type Run, signatureLines } from './minutes-document.js';
import { CONTENT_WIDTH, centredRule, type FontName, MARGIN, mm, officialHeader, openOfficialPdf, PAGE, pageNumbers } from './official-pdf.js';
import { addSignaturePlaceholder } from './signing/pdf-signature.js';

/**
 * The minutes as PDF in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (page, fonts and header block in
 * official-pdf.ts): số/ký hiệu; địa danh and date in italics; the document type and its summary; the body in 13 pt;
 * the signature blocks; Nơi nhận; page numbers centred in the top margin from page 2.
 */

const BODY_SIZE = 13;
const LINE_GAP = 3;

function fontOf(run: Pick<Run, 'bold' | 'italic'>): FontName {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  return run.italic ? 'italic' : 'regular';
}

function header(doc: PDFKit.PDFDocument, d: MinutesDocument): void {
  officialHeader(doc, { parentOrg: d.parentOrg, org: d.org, numberLine: d.numberLine, placeDateLine: d.placeDateLine });
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

/** Renders the minutes; with `d.signature` the file carries a signature placeholder for signPdf. */
export function renderMinutesPdf(d: MinutesDocument, createdAt: Date): Promise<Buffer> {
  const { doc, done } = openOfficialPdf({ title: d.meta.title, subject: d.meta.subject, author: d.org, createdAt });
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
