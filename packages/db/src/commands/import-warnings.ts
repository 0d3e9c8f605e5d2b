/**
 * The warnings of a plan-file import: plausible but suspicious figures, accepted and stored, reported
 * so a person looks again (docs/plan-format.md §2). The file's figures are judged against each other
 * (a value 10× the year before in the same file) and against what the database held before the
 * import: a value 10× the stored figure of the year before, and a new or changed estimate below the
 * stored official figure of the same cell — which will never be evaluated, the official figure wins.
 */
import type { Lang, Value } from '@chitieu/core';
import type { CommandWarning } from './context.js';
import { figureWarnings, fileFigureWarnings, warningMessage } from './rules.js';

/** A warning of an import, located in the file (`values[3].value`) and worded. */
export interface ImportWarning extends CommandWarning {
  message: string;
}

/** A figure row as the import writes it, and as the database held it. */
interface FigureRow {
  unit_id: number;
  indicator_id: number;
  year: number;
  period: string;
  status: string;
  value: number;
}

/** The strongest status first; `plan` figures are targets, never compared. */
const STRENGTH = ['official', 'preliminary', 'estimate'];
const cellOf = (r: FigureRow, year = r.year) => `${r.unit_id}|${r.indicator_id}|${r.period}|${year}`;

/**
 * Every warning of an import, in the file's order, each once.
 *
 * @example
 * importWarnings(data.values, rows, storedBefore, (i) => changed.has(i), 'vi')
 * // [{ path: 'values[4].value', code: 'estimate-below-official', params: { … }, message: 'Số ước tính 17.000 …' }]
 */
export function importWarnings(
  values: readonly Value[],
  rows: readonly FigureRow[],
  stored: readonly FigureRow[],
  isWritten: (index: number) => boolean,
  lang: Lang,
): ImportWarning[] {
  const found: CommandWarning[] = fileFigureWarnings(values);
  const inFile = new Map<string, FigureRow[]>();
  for (const r of rows) inFile.set(cellOf(r), [...(inFile.get(cellOf(r)) ?? []), r]);
  const before = new Map<string, FigureRow[]>();
  for (const r of stored) before.set(cellOf(r), [...(before.get(cellOf(r)) ?? []), r]);
  const compared = (list: readonly FigureRow[] | undefined) =>
    (list ?? []).filter((r) => STRENGTH.includes(r.status));
  const strongest = (list: readonly FigureRow[] | undefined) =>
    compared(list).sort((a, b) => STRENGTH.indexOf(a.status) - STRENGTH.indexOf(b.status))[0];

  rows.forEach((r, index) => {
    if (!STRENGTH.includes(r.status)) return;
    // The year before from the database, when the file does not carry it (else judged in the file).
    const previous = compared(inFile.get(cellOf(r, r.year - 1))).length
      ? undefined
      : strongest(before.get(cellOf(r, r.year - 1)));
    // A stored stronger figure the file does not restate: the file's own pair is history, not a slip.
    const restated = new Set(compared(inFile.get(cellOf(r))).map((x) => x.status));
    const sameYear = isWritten(index)
      ? compared(before.get(cellOf(r))).filter((x) => x.status !== r.status && !restated.has(x.status))
      : [];
    for (const w of figureWarnings(r, {
      previous: previous ? { year: previous.year, value: previous.value } : null,
      sameYear,
    }))
      found.push({ ...w, path: `values[${index}].${w.path}` });
  });

  const seen = new Set<string>();
  return found
    .filter((w) => !seen.has(`${w.path}|${w.code}`) && seen.add(`${w.path}|${w.code}`))
    .sort((a, b) => indexOf(a.path) - indexOf(b.path))
    .map((w) => ({ ...w, message: warningMessage(w, lang) }));
}

const indexOf = (path: string) => Number(/^values\[(\d+)\]/.exec(path)?.[1] ?? 0);
