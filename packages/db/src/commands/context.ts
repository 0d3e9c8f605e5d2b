/**
 * What every domain command is given and gives back. A command is the only code that changes data:
 * it checks its input with the shared rules, writes in one transaction, and appends its audit
 * entries (who, when, old → new, why).
 */
import type { WriteContext } from '../repositories/records.js';

/** Who writes, from where and why; an import also says which file and which import. */
export interface CommandContext extends WriteContext {
  /** The import a write belongs to: its file name and id, kept in every audit entry it causes. */
  source?: ImportSource | null;
}

/** The file an import read, and the id that ties its audit entries together. */
export interface ImportSource {
  /** The file's name as the user gave it (no directory), or null for a body sent over HTTP. */
  file: string | null;
  /** A fresh id per import (`imp-…`), the same in every audit entry of one import. */
  importId: string;
}

/**
 * Something suspicious the rules accepted (a value 10× last year's, an estimate below the official
 * figure): stored, and shown by the API and the CLI so a person looks again.
 */
export interface CommandWarning {
  /** Where, e.g. `values[3].value` or `value`. */
  path: string;
  /** The rule's code (`value-jump`, `estimate-below-official`, …). */
  code: string;
  params?: Record<string, string | number | undefined>;
}

/**
 * A fresh import id: time-ordered, unique enough for one database.
 *
 * @example newImportId() // 'imp-20261201T201530Z-3f9a1c'
 */
export function newImportId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `imp-${stamp}-${Math.random().toString(16).slice(2, 8)}`;
}

/** The reason a context carries, trimmed; null when none was written. */
export const reasonOf = (ctx: WriteContext): string | null => ctx.reason?.trim() || null;
