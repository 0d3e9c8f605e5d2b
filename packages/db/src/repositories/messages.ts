import type { Lang } from '@chitieu/core';

/** Problems an import can find only against the database (the file itself is already valid). */
export type ImportProblemCode =
  | 'unknown-unit'
  | 'unknown-indicator'
  | 'unknown-target'
  | 'parent-cycle'
  // A figure whose plan, unit and year are approved (figure-lock.ts words it with who approved).
  | 'figures-locked'
  // A plan archived in the database: kept for the record, no longer changed (0400_constraints).
  | 'plan-archived'
  // A target of a plan with approved years redefined without a reason (commands/approvals.ts).
  | 'reason-required';

const MESSAGES: Record<ImportProblemCode, Record<Lang, (code: string) => string>> = {
  'unknown-unit': {
    vi: (c) => `Đơn vị "${c}" không có trong tệp và chưa có trong cơ sở dữ liệu.`,
    en: (c) => `Unit "${c}" is neither in the file nor in the database.`,
  },
  'unknown-indicator': {
    vi: (c) => `Chỉ tiêu thống kê "${c}" không có trong tệp và chưa có trong cơ sở dữ liệu.`,
    en: (c) => `Indicator "${c}" is neither in the file nor in the database.`,
  },
  'parent-cycle': {
    vi: (c) => `Đơn vị "${c}" nằm trong một vòng lặp đơn vị cấp trên.`,
    en: (c) => `Unit "${c}" is on a cycle of parent units.`,
  },
  'figures-locked': {
    vi: (c) => `Số liệu ${c} đã được phê duyệt; cần mở lại trước khi sửa.`,
    en: (c) => `Figure ${c} is approved; reopen it before changing it.`,
  },
  'plan-archived': {
    vi: (c) => `Kế hoạch "${c}" đã được lưu trữ nên không sửa được; cần khôi phục trước khi nạp.`,
    en: (c) => `Plan "${c}" is archived and cannot change; restore it before importing.`,
  },
  'reason-required': {
    vi: (c) => `Chỉ tiêu "${c}" thuộc kế hoạch có năm đã phê duyệt: thay đổi định nghĩa cần ghi rõ lý do.`,
    en: (c) => `Target "${c}" belongs to a plan with approved years: changing its definition needs a reason.`,
  },
  'unknown-target': {
    vi: (c) => `Chỉ tiêu "${c}" không có trong kế hoạch.`,
    en: (c) => `Target "${c}" is not in the plan.`,
  },
};

/**
 * The sentence for an import problem, in the reader's language.
 *
 * @example
 * importProblemMessage('unknown-unit', '999', 'en') // 'Unit "999" is neither in the file nor in the database.'
 */
export function importProblemMessage(code: ImportProblemCode, subject: string, lang: Lang): string {
  return MESSAGES[code][lang](subject);
}
