/**
 * The report as renderer-neutral content: the DOCX writer, the pdfmake fallback and the XLSX
 * appendix all draw from this one structure, so every number is formatted once.
 */
import type { Lang } from '@chitieu/core';
import type { Layout, Signer } from '../types.js';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ChartImage {
  png: Uint8Array;
  /** Size on the page in points. */
  widthPt: number;
  heightPt: number;
  /** Alternative text (the chart's title). */
  alt: string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Cell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  /** Columns this cell spans (default 1). */
  span?: number;
}

export interface TableBlock {
  type: 'table';
  /** Relative column widths. */
  widths: number[];
  header: Cell[][];
  rows: Cell[][];
  /** Font size in points (body text is 14 pt; tables are smaller). */
  fontPt: number;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body paragraph: justified with a first-line indent unless `plain`. */
  | { type: 'paragraph'; runs: Inline[]; plain?: boolean; align?: Align }
  | { type: 'chart'; image: ChartImage; caption: string }
  | TableBlock;

export interface OfficialHeading {
  layout: Layout;
  /** Left column lines: the superior body (regular), then the issuing body (bold). */
  issuer: string[];
  /** Index of the first bold issuer line. */
  issuerBoldFrom: number;
  /** "Số 125-BC/TU" or "Số:     /BC-UBND". */
  number: string;
  /** The number alone ("     -BC/TU"), for "Kèm theo Báo cáo số …". */
  numberValue: string;
  /** Right column: "ĐẢNG CỘNG SẢN VIỆT NAM" or the national name and motto. */
  national: string[];
  placeDate: string;
  docType: string;
  subject: string;
  signer: Signer;
  recipients: string[];
  /** "Nơi nhận:" */
  recipientsLabel: string;
  /** The issuing committee as a phrase for sentences ("Thị ủy Bỉm Sơn"). */
  committee: string;
}

export interface AppendixColumn {
  header: string;
  /** Relative width. */
  width: number;
  kind: 'text' | 'number';
}

/** One row of the appendix: display text for DOCX/PDF, raw numbers for XLSX. */
export type AppendixRow =
  | { kind: 'group'; no: string; text: string }
  | {
      kind: 'target';
      cells: string[];
      /** Same length as `cells`: the number behind a cell (null for text or missing). */
      numbers: (number | null)[];
      /** Same length: decimals to display each number with. */
      decimals: (number | null)[];
    };

export interface Appendix {
  label: string;
  title: string;
  subtitle: string;
  columns: AppendixColumn[];
  rows: AppendixRow[];
  notes: string[];
}

export interface ReportDocument {
  lang: Lang;
  heading: OfficialHeading;
  body: Block[];
  appendix: Appendix;
  /** Core properties for the file. */
  meta: { title: string; subject: string; keywords: string };
}
