/**
 * Keep a number and its "%" on one line ("80 %", "1,5 điểm %" must not break before "%"), in a
 * paragraph, a table cell or a chart label.
 *
 * @example nbspPercent('đạt 80 % trở lên') // "đạt 80\u00A0% trở lên"
 */
export const nbspPercent = (text: string): string => text.replace(/(\d|điểm) %/g, '$1\u00A0%');
