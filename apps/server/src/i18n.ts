import type { Lang } from '@chitieu/core';

/**
 * The reader's language from an Accept-Language header: the first of `vi` / `en` by the
 * header's preference (q-values), Vietnamese when neither is asked for.
 *
 * @example
 * languageOf('en-US,en;q=0.9,vi;q=0.8') // 'en'
 * languageOf('fr, vi;q=0.5') // 'vi'
 * languageOf(undefined) // 'vi'
 */
export function languageOf(acceptLanguage: string | string[] | undefined): Lang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r): r is { lang: Lang; weight: number; order: number } => r.lang === 'vi' || r.lang === 'en')
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked[0]?.lang ?? 'vi';
}

export type ErrorCode =
  | 'bad-request'
  | 'validation-failed'
  | 'not-found'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'database-unavailable'
  | 'database-busy'
  | 'server-busy'
  | 'report-rate-limited'
  | 'control-character'
  | 'garbled-text'
  | 'internal'
  // accounts and workflow (auth/, routes/{auth,users,tokens,audit,workflow})
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf-failed'
  | 'login-failed'
  | 'locked-out'
  | 'invalid-token'
  | 'username-taken'
  | 'figures-locked'
  | 'workflow-step-invalid'
  | 'workflow-changed'
  | 'last-admin'
  | 'session-required'
  // domain records (routes/{units,indicators,plans,targets,programs,figures,plan-files})
  | 'version-required'
  | 'version-conflict'
  | 'duplicate'
  | 'in-use'
  | 'unknown-reference'
  | 'invalid-plan-file'
  | 'unprocessable'
  // what approval protects (commands/approvals.ts)
  | 'reason-required'
  | 'plan-archived'
  | 'plan-reviewed';

/** The headline sentence of each API error. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  'bad-request': { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  'validation-failed': { vi: 'Dữ liệu gửi lên có lỗi.', en: 'The data sent has errors.' },
  'not-found': { vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'Nothing was found at this address.' },
  'method-not-allowed': { vi: 'Phương thức không được phép.', en: 'This method is not allowed here.' },
  'payload-too-large': { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The data sent is too large.' },
  'unsupported-media-type': {
    vi: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
    en: 'The format of the data sent is not supported.',
  },
  'too-many-requests': {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
    en: 'Too many requests; try again later.',
  },
  'database-unavailable': {
    vi: 'Không kết nối được cơ sở dữ liệu.',
    en: 'The database cannot be reached.',
  },
  'database-busy': {
    vi: 'Cơ sở dữ liệu đang bận; hãy thử lại sau giây lát.',
    en: 'The database is busy; try again in a moment.',
  },
  'server-busy': {
    vi: 'Máy chủ đang bận tạo các báo cáo khác; hãy thử lại sau ít phút.',
    en: 'The server is busy making other reports; try again in a few minutes.',
  },
  'report-rate-limited': {
    vi: 'Đã tạo quá nhiều báo cáo cho địa chỉ này khi chưa đăng nhập; hãy thử lại sau ít phút hoặc đăng nhập.',
    en: 'Too many reports made for this address without signing in; try again in a few minutes, or sign in.',
  },
  'control-character': {
    vi: 'Dữ liệu gửi lên chứa ký tự điều khiển không được phép.',
    en: 'The data sent contains control characters that are not allowed.',
  },
  'garbled-text': {
    vi: 'Dữ liệu gửi lên có chữ bị lỗi phông (văn bản UTF-8 từng bị đọc sai bảng mã).',
    en: 'The data sent holds garbled text (UTF-8 once read with the wrong encoding).',
  },
  internal: { vi: 'Lỗi máy chủ. Vui lòng thử lại sau.', en: 'Server error. Please try again later.' },
  unauthenticated: { vi: 'Cần đăng nhập để thực hiện việc này.', en: 'Sign in to do this.' },
  forbidden: { vi: 'Tài khoản không có quyền thực hiện việc này.', en: 'Your account may not do this.' },
  'csrf-failed': {
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang rồi thử lại.',
    en: 'The anti-forgery (CSRF) token is missing or wrong; reload the page and try again.',
  },
  'login-failed': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The user name or the password is wrong.',
  },
  'locked-out': {
    vi: 'Đăng nhập sai quá nhiều lần: tài khoản tạm khóa, hãy thử lại sau ít phút.',
    en: 'Too many failed sign-ins: the account is locked for a few minutes; try again later.',
  },
  'invalid-token': {
    vi: 'Mã truy cập (token) không hợp lệ, đã hết hạn hoặc đã bị thu hồi.',
    en: 'The access token is not valid, has expired or was revoked.',
  },
  'username-taken': { vi: 'Tên đăng nhập này đã có người dùng.', en: 'This user name is already taken.' },
  'figures-locked': {
    vi: 'Số liệu đã được phê duyệt nên bị khóa; cần mở lại (nêu lý do) trước khi sửa.',
    en: 'The figures are approved and locked; reopen them, with a reason, before changing them.',
  },
  'workflow-step-invalid': {
    vi: 'Không thể thực hiện bước này ở trạng thái hiện tại của số liệu.',
    en: 'This step cannot be taken in the current state of the figures.',
  },
  'workflow-changed': {
    vi: 'Người khác vừa chuyển bước số liệu này; hãy tải lại rồi thử lại.',
    en: 'Someone else has just moved these figures on; reload and try again.',
  },
  'last-admin': {
    vi: 'Không thể khóa hoặc bỏ quyền của quản trị viên cuối cùng: sẽ không còn ai quản lý được tài khoản.',
    en: 'The last administrator cannot be disabled or lose the role: nobody could manage accounts any more.',
  },
  'session-required': {
    vi: 'Việc này cần đăng nhập bằng mật khẩu, không dùng mã truy cập API.',
    en: 'This needs a password sign-in, not an API token.',
  },
  'version-required': {
    vi: 'Cần cho biết phiên bản đang sửa (trường version hoặc tiêu đề If-Match).',
    en: 'Say which version you are changing (the version field or an If-Match header).',
  },
  'version-conflict': {
    vi: 'Bản ghi đã được người khác sửa; xem bản hiện tại rồi sửa lại.',
    en: 'Someone else changed this record; see the current version and edit again.',
  },
  duplicate: { vi: 'Mã này đã được dùng.', en: 'This code is already taken.' },
  'in-use': {
    vi: 'Không xóa được: còn dữ liệu khác tham chiếu đến bản ghi này.',
    en: 'Cannot delete: other records still refer to this one.',
  },
  'unknown-reference': {
    vi: 'Dữ liệu gửi lên tham chiếu đến mã không tồn tại.',
    en: 'The data sent refers to codes that do not exist.',
  },
  'invalid-plan-file': {
    vi: 'Tệp kế hoạch có lỗi, không nạp gì.',
    en: 'The plan file has errors; nothing was imported.',
  },
  unprocessable: {
    vi: 'Không thực hiện được yêu cầu với dữ liệu này.',
    en: 'The request cannot be carried out with this data.',
  },
  'reason-required': {
    vi: 'Thay đổi này ảnh hưởng đến kết quả đã phê duyệt: cần ghi rõ lý do (tiêu đề X-Change-Reason).',
    en: 'This change affects approved results: write the reason (X-Change-Reason header).',
  },
  'plan-archived': {
    vi: 'Kế hoạch đã được lưu trữ: chỉ xem được, không sửa được.',
    en: 'The plan is archived: it can be read, not changed.',
  },
  'plan-reviewed': {
    vi: 'Số liệu của kế hoạch đã qua quy trình phê duyệt nên không xóa được kế hoạch; hãy lưu trữ kế hoạch.',
    en: 'The plan’s figures went through the approval workflow, so the plan cannot be deleted; archive it instead.',
  },
};

/** Zod issue fields used to explain a validation problem. */
export interface IssueLike {
  keyword: string;
  params?: Record<string, unknown>;
}

const EXPECTED: Record<string, Record<Lang, string>> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'đúng/sai', en: 'true or false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
};

/**
 * One sentence for a validation issue, in the reader's language (Zod's own messages are
 * English only and may quote the raw input).
 *
 * @example
 * issueMessage({ keyword: 'too_small', params: { minimum: 1 } }, 'vi') // 'Giá trị phải từ 1 trở lên.'
 */
export function issueMessage(issue: IssueLike, lang: Lang): string {
  const p = issue.params ?? {};
  const vi = lang === 'vi';
  switch (issue.keyword) {
    case 'invalid_type': {
      const expected = EXPECTED[String(p.expected)]?.[lang];
      if (expected) return vi ? `Phải là ${expected}.` : `Must be ${expected}.`;
      return vi ? 'Sai kiểu dữ liệu.' : 'Wrong type.';
    }
    case 'too_small':
      return typeof p.minimum === 'number' || typeof p.minimum === 'bigint'
        ? vi
          ? `Giá trị phải từ ${p.minimum} trở lên.`
          : `Must be at least ${p.minimum}.`
        : vi
          ? 'Giá trị quá nhỏ.'
          : 'Too small.';
    case 'too_big':
      return typeof p.maximum === 'number' || typeof p.maximum === 'bigint'
        ? vi
          ? `Giá trị không được vượt quá ${p.maximum}.`
          : `Must be at most ${p.maximum}.`
        : vi
          ? 'Giá trị quá lớn.'
          : 'Too big.';
    case 'invalid_value':
      return Array.isArray(p.values)
        ? vi
          ? `Phải là một trong: ${p.values.map(String).join(', ')}.`
          : `Must be one of: ${p.values.map(String).join(', ')}.`
        : vi
          ? 'Giá trị không được chấp nhận.'
          : 'Value not accepted.';
    case 'unrecognized_keys':
      return vi ? 'Có trường không được phép.' : 'Contains fields that are not allowed.';
    case 'invalid_format':
      return vi ? 'Sai định dạng.' : 'Wrong format.';
    default:
      return vi ? 'Giá trị không hợp lệ.' : 'Invalid value.';
  }
}
