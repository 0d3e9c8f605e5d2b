import type { FormulaFailure } from '../formula/formula.js';
import type { Lang } from '../model.js';

/** Why a value could not be derived (by formula or from the children), for machines and people. */
export type DerivationReason =
  | { code: 'no-value' }
  | { code: 'unknown-indicator'; indicator: string }
  | { code: 'formula-error'; indicator: string; message: string }
  | { code: 'formula-cycle'; indicator: string }
  | { code: 'unknown-code'; indicator: string }
  | { code: 'missing-input'; indicator: string }
  | { code: 'division-by-zero' }
  | { code: 'not-finite' }
  | { code: 'not-aggregated'; indicator: string }
  | { code: 'no-children'; unit: string }
  | { code: 'incomplete-children'; indicator: string; missing: string[]; of: number }
  | { code: 'ratio-without-formula'; indicator: string }
  | { code: 'no-weight'; indicator: string }
  | { code: 'zero-weight'; weight: string }
  | { code: 'cycle'; unit: string; indicator: string };

const list = (units: string[], lang: Lang) => {
  const shown = units.slice(0, 5).join(', ');
  const more = units.length - 5;
  if (more <= 0) return shown;
  return lang === 'vi' ? `${shown} và ${more} đơn vị khác` : `${shown} and ${more} more`;
};

const TEXT: {
  [C in DerivationReason['code']]: Record<Lang, (r: Extract<DerivationReason, { code: C }>) => string>;
} = {
  'no-value': { vi: () => 'không có số liệu', en: () => 'no figure' },
  'unknown-indicator': {
    vi: (r) => `không có chỉ tiêu "${r.indicator}"`,
    en: (r) => `there is no indicator "${r.indicator}"`,
  },
  'formula-error': {
    vi: (r) => `công thức của chỉ tiêu ${r.indicator} có lỗi: ${r.message}`,
    en: (r) => `the formula of ${r.indicator} is invalid: ${r.message}`,
  },
  'formula-cycle': {
    vi: (r) => `công thức của chỉ tiêu ${r.indicator} phụ thuộc vòng tròn vào chính nó`,
    en: (r) => `the formula of ${r.indicator} depends on itself in a cycle`,
  },
  'unknown-code': {
    vi: (r) => `công thức dùng mã chỉ tiêu không tồn tại "${r.indicator}"`,
    en: (r) => `the formula uses an unknown indicator code "${r.indicator}"`,
  },
  'missing-input': {
    vi: (r) => `thiếu số liệu đầu vào của công thức: ${r.indicator}`,
    en: (r) => `the formula lacks an input: ${r.indicator}`,
  },
  'division-by-zero': { vi: () => 'mẫu số bằng 0', en: () => 'the divisor is zero' },
  'not-finite': { vi: () => 'kết quả tính toán quá lớn', en: () => 'the result is too large' },
  'not-aggregated': {
    vi: (r) => `chỉ tiêu ${r.indicator} không tổng hợp từ đơn vị cấp dưới`,
    en: (r) => `${r.indicator} is not aggregated from lower-level units`,
  },
  'no-children': {
    vi: (r) => `đơn vị ${r.unit} không có đơn vị cấp dưới`,
    en: (r) => `unit ${r.unit} has no lower-level units`,
  },
  'incomplete-children': {
    vi: (r) =>
      `chưa đủ số liệu ${r.indicator} của đơn vị cấp dưới (thiếu ${r.missing.length}/${r.of}: ${list(r.missing, 'vi')})`,
    en: (r) =>
      `lower-level figures for ${r.indicator} are incomplete (${r.missing.length} of ${r.of} missing: ${list(r.missing, 'en')})`,
  },
  'ratio-without-formula': {
    vi: (r) => `chỉ tiêu ${r.indicator} tổng hợp theo tỷ số nhưng không có công thức`,
    en: (r) => `${r.indicator} aggregates as a ratio but has no formula`,
  },
  'no-weight': {
    vi: (r) => `chỉ tiêu ${r.indicator} tính bình quân gia quyền nhưng không có chỉ tiêu quyền số`,
    en: (r) => `${r.indicator} is a weighted mean but names no weight indicator`,
  },
  'zero-weight': {
    vi: (r) => `tổng quyền số ${r.weight} bằng 0`,
    en: (r) => `the weights ${r.weight} sum to zero`,
  },
  cycle: {
    vi: (r) => `số liệu ${r.indicator} của đơn vị ${r.unit} phụ thuộc vòng tròn vào chính nó`,
    en: (r) => `${r.indicator} of unit ${r.unit} depends on itself in a cycle`,
  },
};

/**
 * Say in words why a value could not be derived.
 *
 * @example describeDerivationReason({ code: 'division-by-zero' }, 'vi') // 'mẫu số bằng 0'
 */
export function describeDerivationReason(reason: DerivationReason, lang: Lang = 'vi'): string {
  const f = TEXT[reason.code][lang] as (r: DerivationReason) => string;
  return f(reason);
}

/** The same failure in the words of a derivation (a formula's missing value is a missing input). */
export function fromFormulaFailure(f: FormulaFailure): DerivationReason {
  switch (f.code) {
    case 'unknown-code':
      return { code: 'unknown-code', indicator: f.indicator };
    case 'missing-value':
      return { code: 'missing-input', indicator: f.indicator };
    default:
      return { code: f.code };
  }
}
