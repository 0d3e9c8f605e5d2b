import { formatNumber } from '../format/number.js';
import type { Lang, LocalizedText } from '../model.js';

/**
 * Text in the page's language, falling back to Vietnamese (always present).
 *
 * @example localize({ vi: 'Kinh tế', en: 'Economy' }, 'en') // "Economy"
 * @example localize({ vi: 'Kinh tế' }, 'en')                 // "Kinh tế"
 */
export function localize(text: LocalizedText | string | null | undefined, lang: Lang): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  if (lang === 'en' && text.en != null && text.en.trim() !== '') return text.en;
  return text.vi;
}

/**
 * A count with its noun: Vietnamese has no plural; English gets "1 target", "3 targets".
 *
 * @example countOf(3, 'target', 'en')  // "3 targets"
 * @example countOf(1, 'target', 'en')  // "1 target"
 * @example countOf(3, 'target', 'vi')  // "3 chỉ tiêu"
 */
export function countOf(n: number, noun: Noun, lang: Lang): string {
  const words = NOUNS[noun];
  const num = formatNumber(n, 0, lang);
  if (lang === 'en') return `${num} ${n === 1 ? words.en : words.enPlural}`;
  return `${num} ${words.vi}`;
}

export type Noun = 'target' | 'task';

const NOUNS: Record<Noun, { vi: string; en: string; enPlural: string }> = {
  target: { vi: 'chỉ tiêu', en: 'target', enPlural: 'targets' },
  task: { vi: 'nhiệm vụ', en: 'task', enPlural: 'tasks' },
};

/**
 * An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th.
 *
 * @example ordinal(22) // "22nd"
 */
export function ordinal(n: number): string {
  const mod100 = Math.abs(n) % 100;
  const mod10 = Math.abs(n) % 10;
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/**
 * A number as written in a plan: its own decimals (at most 4), no trailing zeros.
 *
 * @example plainNumber(6.5, 'vi')   // "6,5"
 * @example plainNumber(15, 'vi')    // "15"
 * @example plainNumber(8000, 'vi')  // "8.000"
 */
export function plainNumber(x: number, lang: Lang): string {
  const decimals = Math.min(4, (String(x).split('.')[1] ?? '').length);
  return formatNumber(x, decimals, lang);
}

/** Join a list in the page language: "a, b và c" / "a, b and c". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'và'} ${last}`;
}

/** The usual section names of a plan (GLOSSARY.md), for English pages; others are kept as written. */
const GROUPS_EN: Record<string, string> = {
  'kinh tế': 'Economy',
  'văn hóa - xã hội': 'Culture and society',
  'văn hóa, xã hội': 'Culture and society',
  'xã hội': 'Society',
  'môi trường': 'Environment',
  'tài nguyên - môi trường': 'Natural resources and environment',
  'quốc phòng - an ninh': 'Defence and security',
  'quốc phòng, an ninh': 'Defence and security',
  'xây dựng đảng': 'Party building',
  'xây dựng đảng và hệ thống chính trị': 'Party and political system building',
};

/**
 * A target group's name on the page: plans write it in Vietnamese; English pages get the usual
 * translation of the common sections.
 *
 * @example groupName('Quốc phòng - an ninh', 'en') // "Defence and security"
 * @example groupName('Kinh tế', 'vi')              // "Kinh tế"
 */
export function groupName(group: string, lang: Lang): string {
  if (lang !== 'en') return group;
  return GROUPS_EN[group.trim().toLowerCase()] ?? group;
}
