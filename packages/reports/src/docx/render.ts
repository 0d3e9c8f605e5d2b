/**
 * ReportDocument → DOCX in the official layout: A4, Times New Roman 14 pt, margins 20/20/30/15 mm,
 * page numbers centred at the top from page 2, Heading 1–3 and Normal styles, a table style for
 * data tables, borderless layout tables for the heading and the signature, and a landscape
 * section for the appendix. A clean draft for Word: no text boxes, no empty runs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  ImportedXmlComponent,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { appendixCells } from '../content/appendix.js';
import type {
  Align,
  Appendix,
  Block,
  Cell,
  Inline,
  OfficialHeading,
  ReportDocument,
} from '../content/document.js';
import { nbspPercent } from '../text.js';

export const FONT = 'Times New Roman';
/** Twips per millimetre. */
const MM = 56.6929;
export const PAGE = {
  width: 11906,
  height: 16838,
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
  header: Math.round(10 * MM),
};
/** First-line indent of body paragraphs: 1 cm (NĐ 30 allows 1–1,27 cm). */
const INDENT = Math.round(10 * MM);
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.left - PAGE.right;
const PT_TO_PX = 96 / 72;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Half-points, as docx sizes fonts. */
const hp = (pt: number) => Math.round(pt * 2);

// A grid table style Word shows as "Chitieu Table", so edited tables keep their look.
const TABLE_STYLE_ID = 'ChitieuTable';
const TABLE_STYLE = `<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="table" w:styleId="${TABLE_STYLE_ID}"><w:name w:val="Chitieu Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`;

/** Proofing language on every style, so Word spell-checks Vietnamese as Vietnamese. */
function styles(language: string) {
  const heading = (id: string, name: string, italic: boolean) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: hp(14), bold: true, italics: italic, color: '000000' },
    paragraph: {
      keepNext: true,
      keepLines: true,
      spacing: { before: 120, after: 60 },
      indent: { firstLine: INDENT },
    },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: hp(14), language: { value: language } },
        paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: hp(14) },
        paragraph: { spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO } },
      },
      heading('Heading1', 'Heading 1', false),
      heading('Heading2', 'Heading 2', false),
      heading('Heading3', 'Heading 3', true),
      {
        id: 'Caption',
        name: 'Caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: hp(13), italics: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 180 } },
      },
    ],
    importedStyles: [ImportedXmlComponent.fromXmlString(TABLE_STYLE)],
  };
}

const run = (i: Inline, sizePt?: number) =>
  new TextRun({
    text: nbspPercent(i.text),
    ...(i.bold ? { bold: true } : {}),
    ...(i.italic ? { italics: true } : {}),
    ...(sizePt ? { size: hp(sizePt) } : {}),
  });

/** A centred line of the heading; text is never empty (callers skip empty lines). */
function line(
  text: string,
  o: { bold?: boolean; italic?: boolean; sizePt: number; after?: number; align?: Align },
) {
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'center'],
    spacing: { before: 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: 0 },
    children: [
      run({ text, ...(o.bold ? { bold: true } : {}), ...(o.italic ? { italic: true } : {}) }, o.sizePt),
    ],
  });
}

/**
 * A short horizontal rule under a heading line (NĐ 30: 1/3–1/2 of the line above, centred): the
 * bottom border of a tiny paragraph, narrowed by indents. No shapes, no text boxes.
 */
function rule(widthTwips: number, columnTwips: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - widthTwips) / 2));
  return new Paragraph({
    spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: side, right: side, firstLine: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** Rough width of a line of capitals or text in twips, enough to size the rule under it. */
const textTwips = (text: string, sizePt: number) => Math.round(text.length * sizePt * 0.55 * 20);

function layoutTable(left: Paragraph[], right: Paragraph[], leftShare: number, width = TEXT_WIDTH): Table {
  const l = Math.round(width * leftShare);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [l, width - l],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      // One row that never splits: the signature block stays whole on one page.
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: l, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({
            width: { size: width - l, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}

/** The heading block: issuing body and number on the left; national name and date on the right. */
function headingBlock(h: OfficialHeading): (Paragraph | Table)[] {
  const party = h.layout === 'party';
  const leftShare = party ? 0.42 : 0.4;
  const leftW = Math.round(TEXT_WIDTH * leftShare);
  const rightW = TEXT_WIDTH - leftW;
  const issuerPt = party ? 14 : 13;
  const left: Paragraph[] = h.issuer.map((text, i) =>
    line(text, { bold: i >= h.issuerBoldFrom, sizePt: issuerPt }),
  );
  if (party) left.push(line('*', { sizePt: 14 }));
  else left.push(rule(Math.max(leftW / 3, textTwips(h.issuer.at(-1) ?? '', issuerPt) / 2), leftW));
  left.push(line(h.number, { sizePt: party ? 14 : 13, after: 0 }));

  const right: Paragraph[] = [];
  if (party) {
    right.push(line(h.national[0] ?? '', { bold: true, sizePt: 15 }));
    right.push(rule(textTwips(h.national[0] ?? '', 15), rightW));
  } else {
    right.push(line(h.national[0] ?? '', { bold: true, sizePt: 13 }));
    right.push(line(h.national[1] ?? '', { bold: true, sizePt: 14 }));
    right.push(rule(textTwips(h.national[1] ?? '', 14) * 0.85, rightW));
  }
  right.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: party ? 240 : 120, after: 0 },
      indent: { firstLine: 0 },
      children: [run({ text: h.placeDate, italic: true }, 14)],
    }),
  );
  return [
    layoutTable(left, right, leftShare),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      indent: { firstLine: 0 },
      children: [run({ text: h.docType, bold: true }, 16)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      indent: { firstLine: 0 },
      children: [run({ text: h.subject, bold: true }, 14)],
    }),
    party ? line('-----', { sizePt: 14, after: 240 }) : rule(Math.round(TEXT_WIDTH / 5), TEXT_WIDTH, 240),
  ];
}

function signatureBlock(h: OfficialHeading): Table {
  const party = h.layout === 'party';
  const left: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      indent: { firstLine: 0 },
      children: [
        // 36-HD/VPTW underlines "Nơi nhận:"; NĐ 30 sets it bold italic, 12 pt.
        new TextRun({
          text: h.recipientsLabel,
          bold: true,
          italics: !party,
          ...(party ? { underline: {} } : {}),
          size: hp(party ? 14 : 12),
        }),
      ],
    }),
    ...h.recipients.map((r) => line(`- ${r}`, { sizePt: party ? 13 : 11, align: 'left' })),
  ];
  const right: Paragraph[] = [
    line(h.signer.mandate, { bold: true, sizePt: 14 }),
    line(h.signer.role, { bold: true, sizePt: 14, after: h.signer.name ? 1440 : 0 }),
    ...(h.signer.name ? [line(h.signer.name, { bold: true, sizePt: 14 })] : []),
  ];
  return layoutTable(left, right, 0.5);
}

function cellParagraph(c: Cell, fontPt: number): Paragraph {
  return new Paragraph({
    alignment: ALIGN[c.align ?? 'left'],
    spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: 0 },
    children:
      c.text === ''
        ? []
        : [
            run(
              { text: c.text, ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italic: true } : {}) },
              fontPt,
            ),
          ],
  });
}

function dataTable(
  widths: number[],
  header: Cell[][],
  rows: Cell[][],
  fontPt: number,
  total = TEXT_WIDTH,
): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / sum) * total));
  const toRow = (cells: Cell[], isHeader: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map((c) => {
        const span = c.span ?? 1;
        const w = cols.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          width: { size: w, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          ...(span > 1 ? { columnSpan: span } : {}),
          children: [cellParagraph(c, fontPt)],
        });
      }),
    });
  };
  return new Table({
    style: TABLE_STYLE_ID,
    width: { size: total, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    rows: [...header.map((r) => toRow(r, true)), ...rows.map((r) => toRow(r, false))],
  });
}

function block(b: Block, afterTable: boolean): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading': {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.level - 1];
      return [
        new Paragraph({
          heading: level,
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun(b.text)],
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'justify'],
          ...(b.plain ? {} : { indent: { firstLine: INDENT } }),
          // A table has no spacing of its own: the next paragraph keeps it off the grid.
          ...(afterTable ? { spacing: { before: 160 } } : {}),
          children: b.runs.filter((r) => r.text !== '').map((r) => run(r)),
        }),
      ];
    case 'chart':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120, after: 0 },
          children: [
            new ImageRun({
              type: 'png',
              data: b.image.png,
              transformation: {
                width: Math.round(b.image.widthPt * PT_TO_PX),
                height: Math.round(b.image.heightPt * PT_TO_PX),
              },
              altText: { name: b.image.alt, description: b.image.alt, title: b.image.alt },
            }),
          ],
        }),
        new Paragraph({ style: 'Caption', children: [new TextRun(b.caption)] }),
      ];
    case 'table':
      return [dataTable(b.widths, b.header, b.rows, b.fontPt)];
  }
}

function appendixBlocks(a: Appendix): (Paragraph | Table)[] {
  const { header, rows } = appendixCells(a);
  return [
    line(a.label.toLocaleUpperCase('vi'), { bold: true, sizePt: 14 }),
    line(a.title, { bold: true, sizePt: 14 }),
    line(a.subtitle, { italic: true, sizePt: 13, after: 200 }),
    dataTable(
      a.columns.map((c) => c.width),
      header,
      rows,
      11,
      LANDSCAPE_TEXT_WIDTH,
    ),
    ...a.notes.map((n) => line(n, { italic: true, sizePt: 12, align: 'left' })),
  ];
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        children: [new TextRun({ children: [PageNumber.CURRENT], size: hp(14) })],
      }),
    ],
  });

/**
 * Write the report as DOCX bytes.
 *
 * @example
 * const bytes = await renderDocx(buildReport({ ... }));
 * writeFileSync('bao-cao.docx', bytes);
 */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const margin = {
    top: PAGE.top,
    bottom: PAGE.bottom,
    left: PAGE.left,
    right: PAGE.right,
    header: PAGE.header,
  };
  const children: (Paragraph | Table)[] = [
    ...headingBlock(doc.heading),
    ...doc.body.flatMap((b, i) => block(b, doc.body[i - 1]?.type === 'table')),
    signatureBlock(doc.heading),
  ];
  const document = new Document({
    creator: 'chitieu',
    title: doc.meta.title,
    subject: doc.meta.subject,
    keywords: doc.meta.keywords,
    styles: styles(doc.lang === 'vi' ? 'vi-VN' : 'en-GB'),
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height }, margin },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        footers: { default: new Footer({ children: [] }) },
        children,
      },
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin,
          },
        },
        headers: { default: pageNumberHeader() },
        children: appendixBlocks(doc.appendix),
      },
    ],
  });
  const buf = await Packer.toBuffer(document);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
