import type { Lang } from '@chitieu/core';

/** The auth layer's sentences (details of its errors), Vietnamese and English. */
const SAY = {
  vi: {
    malformedId: (value: string) =>
      `"${value}" không phải là mã số bản ghi: chỉ gồm chữ số, không bắt đầu bằng 0, không dấu, khoảng trắng hay phần thập phân.`,
    sessionRequired: 'Mã truy cập API không tạo được mã truy cập khác: hãy đăng nhập bằng mật khẩu.',
    tooManyDays: (max: number) => `Thời hạn tối đa là ${max} ngày.`,
    accessEnded: (sessions: number, tokens: number) =>
      `Đã kết thúc ${sessions} phiên đăng nhập khác và thu hồi ${tokens} mã truy cập API của tài khoản.`,
  },
  en: {
    malformedId: (value: string) =>
      `"${value}" is not a record id: digits only, no leading zero, sign, space or decimal part.`,
    sessionRequired: 'An API token cannot create tokens: sign in with the password.',
    tooManyDays: (max: number) => `At most ${max} days.`,
    accessEnded: (sessions: number, tokens: number) =>
      `${sessions} other session(s) of the account ended and ${tokens} API token(s) revoked.`,
  },
} as const;

/**
 * Why an id in a request is refused.
 *
 * @example
 * malformedIdMessage('281.0', 'en') // '"281.0" is not a record id: digits only, no leading zero, sign, space or decimal part.'
 */
export function malformedIdMessage(value: string, lang: Lang): string {
  return SAY[lang].malformedId(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * The auth layer's other sentences in `lang`.
 *
 * @example
 * authSay('vi').tooManyDays(365) // 'Thời hạn tối đa là 365 ngày.'
 */
export function authSay(lang: Lang) {
  return SAY[lang];
}
