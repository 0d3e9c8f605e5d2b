import type { Lang } from '../model.js';
import { roundHalfAwayFromZero } from './round.js';

/** What the page shows instead of a number that does not exist (null, NaN, ±Infinity). */
export const MISSING = '—';

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<Lang, Separators> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Decimals are clamped to 0…10 integers: anything else is a caller's slip, not a reason to print NaN. */
function safeDecimals(decimals: number): number {
  if (!Number.isFinite(decimals)) return 0;
  return Math.min(10, Math.max(0, Math.trunc(decimals)));
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Unsigned digits of |x| already rounded to `d` places: "18997.6" (toFixed is exact on a rounded double). */
function plainDigits(abs: number, d: number): string {
  if (abs < 1e21) return abs.toFixed(d);
  // toFixed switches to exponent form from 1e21 on; such a double is an integer.
  return d > 0 ? `${BigInt(abs)}.${'0'.repeat(d)}` : `${BigInt(abs)}`;
}

/**
 * A number for the page: rounded half away from zero to `decimals`, thousands grouped.
 * Vietnamese uses "." for thousands and "," for decimals; English the reverse.
 * null, NaN and ±Infinity print as "—", never as "NaN".
 *
 * @example formatNumber(31444, 0, 'vi')     // "31.444"
 * @example formatNumber(18997.55, 1, 'vi')  // "18.997,6"
 * @example formatNumber(18997.55, 1, 'en')  // "18,997.6"
 * @example formatNumber(-2.25, 1, 'vi')     // "-2,3"
 */
export function formatNumber(x: number | null | undefined, decimals: number, lang: Lang): string {
  if (!isNumber(x)) return MISSING;
  const d = safeDecimals(decimals);
  const rounded = roundHalfAwayFromZero(x, d);
  const { group, decimal } = SEPARATORS[lang] ?? SEPARATORS.vi;
  const [int = '0', frac] = plainDigits(Math.abs(rounded), d).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = rounded < 0 ? '-' : '';
  return frac ? `${sign}${grouped}${decimal}${frac}` : `${sign}${grouped}`;
}

/**
 * A percentage, given in percent (10.71 means 10,71 %). Vietnamese puts a space before "%".
 *
 * @example formatPercent(10.7142, 2, 'vi') // "10,71 %"
 * @example formatPercent(10.7142, 2, 'en') // "10.71%"
 * @example formatPercent(null, 1, 'vi')    // "—"
 */
export function formatPercent(x: number | null | undefined, decimals: number, lang: Lang): string {
  if (!isNumber(x)) return MISSING;
  const n = formatNumber(x, decimals, lang);
  return lang === 'en' ? `${n}%` : `${n} %`;
}

/**
 * A percentage with an explicit sign, for changes and growth ("+2,50 %", "-1,20 %", "0,00 %").
 *
 * @example formatSignedPercent(2.5, 2, 'vi')  // "+2,50 %"
 * @example formatSignedPercent(-1.2, 1, 'en') // "-1.2%"
 */
export function formatSignedPercent(x: number | null | undefined, decimals: number, lang: Lang): string {
  if (!isNumber(x)) return MISSING;
  const s = formatPercent(x, decimals, lang);
  return roundHalfAwayFromZero(x, safeDecimals(decimals)) > 0 ? `+${s}` : s;
}

/**
 * A difference between two percentages, in percentage points.
 *
 * @example formatPercentPoints(1.5, 1, 'vi') // "1,5 điểm %"
 * @example formatPercentPoints(1, 1, 'en')   // "1.0 percentage points"
 */
export function formatPercentPoints(x: number | null | undefined, decimals: number, lang: Lang): string {
  if (!isNumber(x)) return MISSING;
  return `${formatNumber(x, decimals, lang)} ${localUnit('điểm %', lang)}`;
}

/**
 * A value with its unit of measure, in the page's language: percent-like units follow the
 * percent convention, others follow the number after a space.
 *
 * @example formatQuantity(31444, 0, 'tỷ đồng', 'vi') // "31.444 tỷ đồng"
 * @example formatQuantity(31444, 0, 'tỷ đồng', 'en') // "31,444 billion VND"
 * @example formatQuantity(15, 1, '%/năm', 'en')      // "15.0%/year"
 */
export function formatQuantity(
  x: number | null | undefined,
  decimals: number,
  unit: string,
  lang: Lang,
): string {
  if (!isNumber(x)) return MISSING;
  const n = formatNumber(x, decimals, lang);
  const plural = localUnit(unit, lang).trim();
  // English counts of exactly one take the singular: "1 commune", "1 case".
  const u = lang === 'en' && n === '1' ? (SINGULAR_EN[plural] ?? plural) : plural;
  if (u === '') return n;
  if (lang === 'en' && u.startsWith('%')) return `${n}${u}`;
  return `${n} ${u}`;
}

/**
 * A span of years with an en dash, or a single year when both ends are equal.
 *
 * @example formatYearSpan(2024, 2025) // "2024–2025"
 * @example formatYearSpan(2025, 2025) // "2025"
 */
export function formatYearSpan(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/** Common Vietnamese units of measure in English; anything else is kept as written. */
const UNITS_EN: Record<string, string> = {
  '%': '%',
  '%/năm': '%/year',
  'điểm %': 'percentage points',
  'điểm %/năm': 'percentage points/year',
  'tỷ đồng': 'billion VND',
  'triệu đồng': 'million VND',
  'triệu đồng/người': 'million VND per person',
  'triệu đồng/người/năm': 'million VND per person per year',
  'triệu USD': 'million USD',
  người: 'people',
  'lao động': 'workers',
  hộ: 'households',
  xã: 'communes',
  'doanh nghiệp': 'enterprises',
  'đảng viên': 'Party members',
  tấn: 'tonnes',
  'tấn/năm': 'tonnes/year',
  vụ: 'cases',
  'dự án': 'projects',
  trường: 'schools',
  'bác sĩ/vạn dân': 'doctors per 10,000 people',
  'giường bệnh/vạn dân': 'hospital beds per 10,000 people',
  năm: 'years',
};

const SINGULAR_EN: Record<string, string> = {
  people: 'person',
  workers: 'worker',
  households: 'household',
  communes: 'commune',
  enterprises: 'enterprise',
  'Party members': 'Party member',
  cases: 'case',
  projects: 'project',
  schools: 'school',
  years: 'year',
};

/**
 * The unit of measure in the page's language (units are entered in Vietnamese).
 *
 * @example localUnit('tỷ đồng', 'en') // "billion VND"
 * @example localUnit('tỷ đồng', 'vi') // "tỷ đồng"
 */
export function localUnit(unit: string, lang: Lang): string {
  if (lang !== 'en') return unit;
  return UNITS_EN[unit.trim()] ?? unit;
}
