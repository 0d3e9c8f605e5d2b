/**
 * The PDF fallback when LibreOffice is absent: the same content laid out by pdfmake with the
 * bundled Liberation Serif (metric-compatible with Times New Roman), the same margins, page
 * numbers from page 2 and a landscape appendix. Close to the DOCX, not identical.
 */
import pdfmake from 'pdfmake';
import { appendixCells } from '../content/appendix.js';
import type { Align, Appendix, Block, Cell, OfficialHeading, ReportDocument } from '../content/document.js';
import { type FontName, fontBytes } from '../fonts/fonts.js';
import { nbspPercent } from '../text.js';

const MM = 72 / 25.4;
const MARGINS = [30 * MM, 20 * MM, 15 * MM, 20 * MM]; // left, top, right, bottom
const INDENT = 10 * MM;
const TEXT_WIDTH = (210 - 30 - 15) * MM;
const LANDSCAPE_WIDTH = (297 - 30 - 15) * MM;

type Node = Record<string, unknown> | string;

let fontsReady = false;
function setupFonts(): void {
  if (fontsReady) return;
  const files: Record<string, FontName> = {
    'serif-regular.ttf': 'serifRegular',
    'serif-bold.ttf': 'serifBold',
    'serif-italic.ttf': 'serifItalic',
    'serif-bolditalic.ttf': 'serifBoldItalic',
  };
  for (const [name, font] of Object.entries(files)) pdfmake.virtualfs.writeFileSync(name, fontBytes(font));
  pdfmake.setFonts({
    Serif: {
      normal: 'serif-regular.ttf',
      bold: 'serif-bold.ttf',
      italics: 'serif-italic.ttf',
      bolditalics: 'serif-bolditalic.ttf',
    },
  });
  // Everything is in memory: no URL or file is ever fetched.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

const text = (s: string) => nbspPercent(s);

function rule(width: number, column: number, y = 2): Node {
  const x = Math.max(0, (column - width) / 2);
  return {
    canvas: [{ type: 'line', x1: x, y1: y, x2: x + width, y2: y, lineWidth: 0.6 }],
    margin: [0, 0, 0, 2],
  };
}

const approxWidth = (s: string, pt: number) => s.length * pt * 0.55;

function heading(h: OfficialHeading): Node[] {
  const party = h.layout === 'party';
  const leftW = TEXT_WIDTH * (party ? 0.42 : 0.4);
  const rightW = TEXT_WIDTH - leftW;
  const issuerPt = party ? 14 : 13;
  const left: Node[] = h.issuer.map((line, i) => ({
    text: line,
    bold: i >= h.issuerBoldFrom,
    fontSize: issuerPt,
    alignment: 'center',
  }));
  if (party) left.push({ text: '*', alignment: 'center' });
  else left.push(rule(Math.max(leftW / 3, approxWidth(h.issuer.at(-1) ?? '', issuerPt) / 2), leftW));
  left.push({ text: h.number, alignment: 'center', fontSize: issuerPt });
  const right: Node[] = party
    ? [
        { text: h.national[0] ?? '', bold: true, fontSize: 15, alignment: 'center' },
        rule(approxWidth(h.national[0] ?? '', 15), rightW, 4),
      ]
    : [
        { text: h.national[0] ?? '', bold: true, fontSize: 13, alignment: 'center' },
        { text: h.national[1] ?? '', bold: true, fontSize: 14, alignment: 'center' },
        rule(approxWidth(h.national[1] ?? '', 14) * 0.85, rightW),
      ];
  right.push({ text: h.placeDate, italics: true, alignment: 'center', margin: [0, party ? 12 : 6, 0, 0] });
  return [
    {
      columns: [
        { width: leftW, stack: left },
        { width: rightW, stack: right },
      ],
      columnGap: 0,
      lineHeight: 1,
    },
    { text: h.docType, bold: true, fontSize: 16, alignment: 'center', margin: [0, 18, 0, 0] },
    { text: text(h.subject), bold: true, alignment: 'center' },
    party
      ? { text: '-----', alignment: 'center', margin: [0, 0, 0, 12] }
      : rule(TEXT_WIDTH / 5, TEXT_WIDTH, 4),
  ];
}

const ALIGN: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'justify' };

function cell(c: Cell, fontPt: number): Node {
  return {
    text: text(c.text),
    fontSize: fontPt,
    alignment: ALIGN[c.align ?? 'left'],
    ...(c.bold ? { bold: true } : {}),
    ...(c.italic ? { italics: true } : {}),
    ...(c.span && c.span > 1 ? { colSpan: c.span } : {}),
  };
}

/** pdfmake wants a placeholder after a spanning cell for each column it covers. */
function rowOf(cells: Cell[], fontPt: number): Node[] {
  return cells.flatMap((c) => [cell(c, fontPt), ...Array.from({ length: (c.span ?? 1) - 1 }, () => '')]);
}

function table(widths: number[], header: Cell[][], rows: Cell[][], fontPt: number, total: number): Node {
  const sum = widths.reduce((a, b) => a + b, 0);
  // Each cell has 4 pt padding either side and the rules take ~0.5 pt: subtract them from the widths.
  const inner = total - widths.length * 8.5;
  return {
    table: {
      headerRows: header.length,
      dontBreakRows: true,
      widths: widths.map((w) => (w / sum) * inner),
      body: [...header, ...rows].map((r) => rowOf(r, fontPt)),
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    lineHeight: 1,
    margin: [0, 2, 0, 8],
  };
}

function block(b: Block): Node[] {
  switch (b.type) {
    case 'heading':
      return [
        {
          text: text(b.text),
          bold: true,
          italics: b.level === 3,
          alignment: 'justify',
          leadingIndent: INDENT,
          margin: [0, 6, 0, 3],
          headlineLevel: b.level,
        },
      ];
    case 'paragraph':
      return [
        {
          text: b.runs.map((r) => ({
            text: text(r.text),
            bold: r.bold ?? false,
            italics: r.italic ?? false,
          })),
          alignment: ALIGN[b.align ?? 'justify'],
          leadingIndent: b.plain ? 0 : INDENT,
          margin: [0, 0, 0, 6],
        },
      ];
    case 'chart':
      return [
        {
          image: `data:image/png;base64,${Buffer.from(b.image.png).toString('base64')}`,
          width: b.image.widthPt,
          height: b.image.heightPt,
          alignment: 'center',
          margin: [0, 6, 0, 0],
        },
        { text: text(b.caption), italics: true, fontSize: 13, alignment: 'center', margin: [0, 3, 0, 9] },
      ];
    case 'table':
      return [table(b.widths, b.header, b.rows, b.fontPt, TEXT_WIDTH)];
  }
}

function signature(h: OfficialHeading): Node {
  const party = h.layout === 'party';
  return {
    columns: [
      {
        width: TEXT_WIDTH / 2,
        stack: [
          {
            text: h.recipientsLabel,
            bold: true,
            italics: !party,
            decoration: party ? 'underline' : undefined,
            fontSize: party ? 14 : 12,
          },
          ...h.recipients.map((r) => ({ text: `- ${r}`, fontSize: party ? 13 : 11 })),
        ],
      },
      {
        width: TEXT_WIDTH / 2,
        stack: [
          { text: h.signer.mandate, bold: true, alignment: 'center' },
          { text: h.signer.role, bold: true, alignment: 'center' },
          ...(h.signer.name
            ? [{ text: h.signer.name, bold: true, alignment: 'center', margin: [0, 72, 0, 0] }]
            : []),
        ],
      },
    ],
    lineHeight: 1,
    unbreakable: true,
    margin: [0, 6, 0, 0],
  };
}

function appendix(a: Appendix): Node[] {
  const { header, rows } = appendixCells(a);
  return [
    {
      text: a.label.toLocaleUpperCase('vi'),
      bold: true,
      alignment: 'center',
      pageBreak: 'before',
      pageOrientation: 'landscape',
    },
    { text: text(a.title), bold: true, alignment: 'center' },
    { text: a.subtitle, italics: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 10] },
    table(
      a.columns.map((c) => c.width),
      header,
      rows,
      11,
      LANDSCAPE_WIDTH,
    ),
    ...a.notes.map((n) => ({ text: n, italics: true, fontSize: 12 })),
  ];
}

/**
 * Lay the report out with pdfmake.
 *
 * @example const pdf = await renderPdfmake(doc); // Uint8Array starting with "%PDF-"
 */
export async function renderPdfmake(doc: ReportDocument): Promise<Uint8Array> {
  setupFonts();
  const definition = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: {
      title: doc.meta.title,
      subject: doc.meta.subject,
      keywords: doc.meta.keywords,
      creator: 'chitieu (pdfmake)',
    },
    defaultStyle: { font: 'Serif', fontSize: 14, lineHeight: 1.15 },
    header: (page: number) =>
      page > 1 ? { text: String(page), alignment: 'center', fontSize: 14, margin: [0, 10 * MM, 0, 0] } : null,
    content: [
      ...heading(doc.heading),
      ...doc.body.flatMap(block),
      signature(doc.heading),
      ...appendix(doc.appendix),
    ],
  };
  const buf = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
