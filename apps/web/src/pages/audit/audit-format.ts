import { formatNumber, type Lang } from '@chitieu/core';
import type { AuditQuery } from '../../api/queries-reference';

/** The page's filters, as the address bar holds them. */
export interface AuditFilters {
  unit?: string;
  indicator?: string;
  user?: string;
  entity?: string;
  from?: string;
  to?: string;
}

/**
 * The API query for the filters, each passed as the API takes it (unit, indicator and kind of record
 * combine freely). `pageSize + 1` entries are asked so the page knows whether another follows.
 *
 * @example auditQueryOf({ unit: '502', indicator: 'GO', user: 'lan' }, 50, undefined)
 * // { unit: '502', indicator: 'GO', user: 'lan', limit: 51 }
 */
export function auditQueryOf(f: AuditFilters, pageSize: number, before: number | undefined): AuditQuery {
  const q: AuditQuery = { limit: pageSize + 1 };
  if (f.unit) q.unit = f.unit;
  if (f.indicator) q.indicator = f.indicator;
  if (f.entity) q.entity = f.entity;
  if (f.user) q.user = f.user;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (before !== undefined) q.before = before;
  return q;
}

/** A date-time for the page: "30/06/2023 14:05" (vi) or "30 Jun 2023, 14:05" (en), in the reader's time zone. */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: lang === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(d);
}

/** One scalar for the page: numbers in the page's format, text as written, nothing as "—". */
function scalarText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '—';
    // As many decimals as the stored number has (at most 6): 18997.6 stays "18.997,6".
    const decimals = Math.min(/\.(\d+)$/.exec(String(v))?.[1]?.length ?? 0, 6);
    return formatNumber(v, decimals, lang);
  }
  if (typeof v === 'boolean') return lang === 'vi' ? (v ? 'có' : 'không') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => scalarText(x, lang)).join(', ');
  return JSON.stringify(v);
}

/** How a page names a record's fields and words its coded values ("status: estimate" → "Tình trạng: Ước tính"). */
export interface ChangeWords {
  field: (key: string) => string;
  /** A coded text value of a field, or the text as it is. */
  value: (key: string, text: string) => string;
}

const asIs: ChangeWords = { field: (k) => k, value: (_k, v) => v };

/**
 * What an entry changed, field by field ("value: 18.997,6 → 19.100"), from the API's before/after
 * records; fields that did not change are left out. Never prints `[object Object]`, `null` or `undefined`.
 *
 * @example changeLines({ value: 18997.6, status: 'estimate' }, { value: 19100, status: 'official' }, 'vi')
 * // ['value: 18.997,6 → 19.100', 'status: estimate → official']
 */
export function changeLines(
  before: unknown,
  after: unknown,
  lang: Lang,
  words: ChangeWords = asIs,
): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(before) && !isRecord(after)) {
    if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
    return [`${scalarText(before, lang)} → ${scalarText(after, lang)}`];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const text = (key: string, v: unknown) =>
    typeof v === 'string' && v !== '' ? words.value(key, v) : scalarText(v, lang);
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const x = b[key];
    const y = a[key];
    if (JSON.stringify(x ?? null) === JSON.stringify(y ?? null)) continue;
    const name = words.field(key);
    if (!(key in b)) lines.push(`${name}: ${text(key, y)}`);
    else lines.push(`${name}: ${text(key, x)} → ${text(key, y)}`);
  }
  return lines;
}
