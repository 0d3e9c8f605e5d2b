import type { Lang } from '@chitieu/core';
import {
  type DomainError,
  type DomainProblem,
  FiguresLockedError,
  figureLockMessage,
  ruleMessage,
} from '@chitieu/db';
import { ApiError } from './errors.js';

const KIND: Record<NonNullable<DomainProblem['kind']>, Record<Lang, string>> = {
  unit: { vi: 'đơn vị', en: 'unit' },
  indicator: { vi: 'chỉ tiêu thống kê', en: 'indicator' },
  plan: { vi: 'kế hoạch', en: 'plan' },
  target: { vi: 'chỉ tiêu', en: 'target' },
  program: { vi: 'chương trình', en: 'program' },
  task: { vi: 'nhiệm vụ', en: 'task' },
  figure: { vi: 'số liệu', en: 'figure' },
};

const RULES: Record<string, Record<Lang, (subject: string) => string>> = {
  'one-successor': {
    vi: () => 'Sáp nhập phải có đúng một đơn vị kế thừa.',
    en: () => 'A merger has exactly one successor.',
  },
  'one-predecessor': {
    vi: () => 'Chia tách phải có đúng một đơn vị bị chia.',
    en: () => 'A split has exactly one unit being split.',
  },
  'same-unit': { vi: () => 'Đơn vị không thể kế thừa chính nó.', en: () => 'A unit cannot succeed itself.' },
  'already-merged': {
    vi: (s) => `Đơn vị "${s}" đã được sáp nhập trước đó.`,
    en: (s) => `Unit "${s}" was already merged.`,
  },
  'lineage-cycle': {
    vi: (s) => `Đơn vị "${s}" đã được sáp nhập vào một đơn vị bị sáp nhập ở đây (vòng lặp).`,
    en: (s) => `Unit "${s}" was merged into one of the units merged here (a loop).`,
  },
  'parent-cycle': {
    vi: (s) => `Đơn vị cấp trên "${s}" nằm dưới chính đơn vị này.`,
    en: (s) => `Parent unit "${s}" lies under this very unit.`,
  },
  'targets-of-plan': {
    vi: (s) => `Chỉ tiêu "${s}" không thuộc kế hoạch này.`,
    en: (s) => `Target "${s}" is not in this plan.`,
  },
  'range-order': {
    vi: () => 'Cận dưới phải nhỏ hơn hoặc bằng cận trên.',
    en: () => 'The lower bound must not exceed the upper bound.',
  },
  'not-in-list': {
    vi: () => 'Giá trị không nằm trong danh sách cho phép.',
    en: () => 'The value is not one of the allowed values.',
  },
  redefine: {
    vi: (s) => `"${s}" có kết quả đã phê duyệt: cần ghi rõ lý do thay đổi.`,
    en: (s) => `"${s}" has approved results: write the reason for the change.`,
  },
  'update-approved': {
    vi: (s) => `Kế hoạch "${s}" có năm đã phê duyệt: cần ghi rõ lý do thay đổi.`,
    en: (s) => `Plan "${s}" has approved years: write the reason for the change.`,
  },
  'year-order': {
    vi: () => 'Năm mục tiêu phải sau năm gốc.',
    en: () => 'The target year must come after the baseline year.',
  },
};

/** The sentence for one problem of a refused write. */
export function problemMessage(p: DomainProblem, lang: Lang): string {
  const subject = p.subject ?? '';
  if (p.kind) {
    return lang === 'vi'
      ? `Không có ${KIND[p.kind].vi} "${subject}".`
      : `There is no ${KIND[p.kind].en} "${subject}".`;
  }
  // A problem the shared rules found is worded by them (with its parameters).
  const said = ruleMessage(p, lang);
  if (said) return said;
  const rule = p.rule ? RULES[p.rule] : undefined;
  if (rule) return rule[lang](subject);
  return lang === 'vi' ? 'Giá trị không hợp lệ.' : 'Invalid value.';
}

const STATUS: Record<DomainError['code'], [number, ApiError['code']]> = {
  'not-found': [404, 'not-found'],
  'version-conflict': [409, 'version-conflict'],
  duplicate: [409, 'duplicate'],
  'in-use': [409, 'in-use'],
  'unknown-reference': [422, 'unknown-reference'],
  'figures-locked': [409, 'figures-locked'],
  invalid: [422, 'unprocessable'],
  'reason-required': [422, 'reason-required'],
  'plan-archived': [409, 'plan-archived'],
  'plan-reviewed': [409, 'plan-reviewed'],
};

/**
 * The HTTP error of a write the domain refused: 404 unknown record, 409 conflicts (stale version,
 * code taken, still referred to, figures locked), 422 well-formed data the domain cannot accept.
 *
 * @example
 * apiErrorOf(new DomainError('unknown-reference', [{ path: 'unit', kind: 'unit', subject: '999' }]), 'en')
 * // ApiError 422 unknown-reference, details [{ path: 'body.unit', message: 'There is no unit "999".' }]
 */
export function apiErrorOf(error: DomainError, lang: Lang): ApiError {
  const [status, code] = STATUS[error.code];
  if (error instanceof FiguresLockedError) {
    return new ApiError(status, code, [{ path: 'body.year', message: figureLockMessage(error.lock, lang) }]);
  }
  const details = error.problems
    .filter((p) => p.kind || p.rule)
    .map((p) => ({ path: p.path ? `body.${p.path}` : 'body', message: problemMessage(p, lang) }));
  return new ApiError(status, code, details, error.current);
}
