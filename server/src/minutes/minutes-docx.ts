import { AlignmentType, BorderStyle, Document, type IBorderOptions, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type MinutesDocument, type Run, signatureLines } from './minutes-document.js';

/**
 * The same minutes as DOCX for further editing in Word (the `docx` package): A4, the ND 30 margins, Times New Roman
 * 13 pt, the header and signature blocks as borderless two-column tables. Word substitutes its own Times New Roman,
 * so nothing is embedded here; the PDF is the document of record.
 */

const TWIP_PER_MM = 1440 / 25.4;
const tw = (mmValue: number) => Math.round(mmValue * TWIP_PER_MM);
const FONT = 'Times New Roman';
const size = (pt: number) => pt * 2;
const none: IBorderOptions = {
  style: BorderStyle.NONE,
  size: 0,
  color: 'FFFFFF',
};
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

const run = (
  text: string,
  o: {
    bold?: boolean;
    italic?: boolean;
    pt?: number;
    underline?: boolean;
  } = {},
) =>
  new TextRun({
    text,
    bold: o.bold,
    italics: o.italic,
    size: size(o.pt ?? 13),
    font: FONT,
    underline: o.underline ? {} : undefined,
  });

const centred = (children: TextRun[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children, ...extra });

/** A short rule under a line: a bottom border on a paragraph indented from both sides. */
const rule = (indentMm: number) =>
  new Paragraph({
    indent: { left: tw(indentMm), right: tw(indentMm) },
    border: {
      bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
    },
    children: [],
  });

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({
    children,
    width: { size: tw(widthMm), type: WidthType.DXA },
    borders: noBorders,
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number, rightMm: number): Table {
  return new Table({
    width: { size: tw(leftMm + rightMm), type: WidthType.DXA },
    columnWidths: [tw(leftMm), tw(rightMm)],
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, leftMm), cell(right, rightMm)] })],
  });
}

function bodyParagraph(runs: Run[], indent: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: tw(10) } : undefined,
    spacing: { after: 80, line: 276 },
    children: runs.map((r) => run(r.text, { bold: r.bold, italic: r.italic })),
  });
}

export function renderMinutesDocx(d: MinutesDocument): Promise<Buffer> {
  const left = [
    ...(d.parentOrg ? [centred([run(d.parentOrg, { pt: 12.5 })])] : []),
    centred([run(d.org, { bold: true, pt: 12.5 })]),
    rule(22),
    centred([run(d.numberLine)], { spacing: { before: 120 } }),
  ];
  const right = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, pt: 12.5 })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, pt: 13.5 })]),
    rule(18),
    centred([run(d.placeDateLine, { italic: true, pt: 13.5 })], {
      spacing: { before: 120 },
    }),
  ];
  const title = [
    centred([run(d.title, { bold: true, pt: 14 })], {
      spacing: { before: 360 },
    }),
    centred([run(d.subtitle, { bold: true, pt: 14 })]),
    ...(d.draft ? [centred([run('(Dự thảo)', { italic: true, pt: 12 })])] : []),
    rule(70),
  ];
  const body = d.body.map((b) =>
    b.kind === 'heading'
      ? new Paragraph({
          spacing: { before: 120, after: 80 },
          children: [run(b.text, { bold: true })],
        })
      : bodyParagraph(b.runs, b.indent),
  );
  const chairLines = [
    centred([run(d.chair.title, { bold: true })]),
    ...(d.chair.position ? [centred([run(d.chair.position, { bold: true })])] : []),
    ...(d.signature
      ? signatureLines(d.signature).map((l) => centred([run(l, { pt: 9.5 })]))
      : [new Paragraph({ spacing: { before: 1200 }, children: [] })]),
    centred([run(d.chair.name, { bold: true })], { spacing: { before: 240 } }),
  ];
  const secretaryLines = [
    centred([run(d.secretary.title, { bold: true })]),
    new Paragraph({ spacing: { before: 1200 }, children: [] }),
    centred([run(d.secretary.name, { bold: true })], {
      spacing: { before: 240 },
    }),
  ];
  const recipients = [
    new Paragraph({
      spacing: { before: 360 },
      children: [run('Nơi nhận:', { bold: true, italic: true, pt: 12 })],
    }),
    ...d.recipients.map((r) => new Paragraph({ children: [run(r, { pt: 11 })] })),
  ];
  const doc = new Document({
    creator: 'Phòng họp không giấy',
    title: d.meta.title,
    subject: d.meta.subject,
    styles: { default: { document: { run: { font: FONT, size: size(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(210), height: tw(297) },
            margin: {
              top: tw(20),
              bottom: tw(20),
              left: tw(30),
              right: tw(15),
            },
          },
        },
        children: [
          twoColumns(left, right, 72, 93),
          ...title,
          ...body,
          new Paragraph({ children: [] }),
          twoColumns(secretaryLines, chairLines, 75, 90),
          ...recipients,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
