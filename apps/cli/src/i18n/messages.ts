import { formatYearSpan, type Lang } from '@chitieu/core';
import { commandLang } from './lang.js';

/** Growth over (since, year] covers the years since+1 … year, as the target sentences say ("giai đoạn 2021–2023"). */
const growthYears = (since: number | undefined, year: number) =>
  since === undefined ? String(year) : formatYearSpan(Math.min(since + 1, year), year);

/** Every word the CLI prints, Vietnamese first (the default), English second. */
const MESSAGES = {
  vi: {
    invalidFile: (file: string, n: number) => `Tệp ${file} không hợp lệ (${n} lỗi):`,
    unknownPlan: (code: string, known: string) =>
      `Không có kế hoạch mã "${code}" trong tệp. Các mã có: ${known}.`,
    noPlans: 'Tệp không có kế hoạch nào.',
    needPlan: 'Cần chọn kế hoạch: --plan MÃ, hoặc --all để đánh giá mọi kế hoạch.',
    badYear: (y: string) => `Năm không hợp lệ: "${y}" (cần một số nguyên, ví dụ 2023).`,
    badLang: (l: string) => `Ngôn ngữ không hỗ trợ: "${l}" (chọn vi hoặc en).`,
    warnings: (file: string, n: number) => `Cảnh báo về ${file} (${n}; vẫn đọc, hãy kiểm tra lại):`,
    notPlanFile: (file: string, ext: string) =>
      `${file}: chitieu chưa đọc được tệp ${ext}; hãy dùng tệp kế hoạch YAML hoặc JSON (chitieu.plan/1, xem docs/plan-format.md).`,
    noFolder: (path: string, dir: string) => `Không ghi được ${path}: thư mục ${dir} không tồn tại.`,
    cannotWrite: (path: string, why: string) => `Không ghi được ${path}: ${why}.`,
    skippedPlans: (codes: string, year: number) =>
      `Bỏ qua kế hoạch không có năm ${year} trong nhiệm kỳ: ${codes}.`,
    badBy: (b: string) => `Cách xếp hạng không hợp lệ: "${b}" (chọn value hoặc growth).`,
    unknownIndicator: (code: string) => `Không có chỉ tiêu thống kê mã "${code}" trong tệp.`,
    unknownParent: (code: string) => `Không có đơn vị mã "${code}" trong tệp.`,
    cannotRead: (file: string, why: string) => `Không đọc được tệp ${file}: ${why}`,
    at: (line: number, column?: number) => ` (dòng ${line}${column ? `, cột ${column}` : ''})`,
    evaluationHeading: (title: string, unit: string, year: number) =>
      `${title}\nĐơn vị: ${unit} — đánh giá đến năm ${year}`,
    colCode: 'Mã',
    colTarget: 'Chỉ tiêu',
    colUnit: 'ĐVT',
    colGoal: 'Mục tiêu',
    colYear: 'Năm',
    colActual: 'Thực hiện',
    colPercent: '% mục tiêu',
    colForecast: 'Dự báo',
    colSdg: 'Tiến độ SDG',
    estimateMark: ' (ư)',
    estimateLegend: '(ư): số ước thực hiện, sơ bộ hoặc có dùng số ước.',
    perYear: '/năm',
    forecastShort: {
      exceed: 'vượt KH',
      complete: 'hoàn thành KH',
      'at-risk': 'cần nỗ lực rất cao',
      'insufficient-data': 'chưa đủ số liệu',
    },
    noData: 'chưa đủ số liệu',
    done: 'hoàn thành',
    otherGroup: 'Chỉ tiêu khác',
    insufficientList: 'Chỉ tiêu chưa đủ số liệu:',
    rankHeading: (indicator: string, year: number, by: 'value' | 'growth', scope: string, since?: number) =>
      by === 'growth'
        ? `Xếp hạng tốc độ tăng bình quân ${indicator} giai đoạn ${growthYears(since, year)} — ${scope}`
        : `Xếp hạng ${indicator} năm ${year} — ${scope}`,
    allUnits: 'các đơn vị cấp cao nhất',
    colRank: 'Hạng',
    colUnitName: 'Đơn vị',
    colValue: 'Giá trị',
    colGrowth: 'Tăng bình quân',
    unranked: (names: string) => `Chưa xếp hạng (thiếu số liệu): ${names}.`,
    importReasonOption:
      'lý do thay đổi, ghi vào nhật ký; bắt buộc khi tệp sửa định nghĩa chỉ tiêu của kế hoạch có năm đã phê duyệt',
    importReasonHint: 'Hãy ghi lý do: chitieu import TỆP --reason "…" (lý do được ghi vào nhật ký).',
    importWarnings: (file: string, n: number) =>
      `Cảnh báo khi nạp ${file}, so với số liệu đã lưu (${n}; vẫn nạp, hãy kiểm tra lại):`,
  },
  en: {
    invalidFile: (file: string, n: number) =>
      `The file ${file} is not valid (${n} ${n === 1 ? 'problem' : 'problems'}):`,
    unknownPlan: (code: string, known: string) =>
      `No plan with code "${code}" in the file. Codes present: ${known}.`,
    noPlans: 'The file has no plans.',
    needPlan: 'Choose a plan: --plan CODE, or --all to evaluate every plan.',
    badYear: (y: string) => `Not a valid year: "${y}" (a whole number is needed, e.g. 2023).`,
    badLang: (l: string) => `Unsupported language: "${l}" (choose vi or en).`,
    warnings: (file: string, n: number) => `Warnings about ${file} (${n}; read anyway, please check):`,
    notPlanFile: (file: string, ext: string) =>
      `${file}: chitieu cannot read ${ext} files yet; use a YAML or JSON plan file (chitieu.plan/1, see docs/plan-format.md).`,
    noFolder: (path: string, dir: string) => `Cannot write ${path}: the folder ${dir} does not exist.`,
    cannotWrite: (path: string, why: string) => `Cannot write ${path}: ${why}.`,
    skippedPlans: (codes: string, year: number) =>
      `Skipped plans whose term does not include ${year}: ${codes}.`,
    badBy: (b: string) => `Not a valid ranking: "${b}" (choose value or growth).`,
    unknownIndicator: (code: string) => `No indicator with code "${code}" in the file.`,
    unknownParent: (code: string) => `No unit with code "${code}" in the file.`,
    cannotRead: (file: string, why: string) => `Cannot read ${file}: ${why}`,
    at: (line: number, column?: number) => ` (line ${line}${column ? `, column ${column}` : ''})`,
    evaluationHeading: (title: string, unit: string, year: number) =>
      `${title}\nUnit: ${unit} — evaluated as of ${year}`,
    colCode: 'Code',
    colTarget: 'Target',
    colUnit: 'Unit',
    colGoal: 'Goal',
    colYear: 'Year',
    colActual: 'Actual',
    colPercent: '% of goal',
    colForecast: 'Forecast',
    colSdg: 'SDG progress',
    estimateMark: ' (e)',
    estimateLegend: '(e): estimated or preliminary figure, or based on one.',
    perYear: '/year',
    forecastShort: {
      exceed: 'will exceed',
      complete: 'will complete',
      'at-risk': 'at risk',
      'insufficient-data': 'no data',
    },
    noData: 'no data',
    done: 'done',
    otherGroup: 'Other targets',
    insufficientList: 'Targets lacking data:',
    rankHeading: (indicator: string, year: number, by: 'value' | 'growth', scope: string, since?: number) =>
      by === 'growth'
        ? `Ranking of ${indicator} by average growth ${growthYears(since, year)} — ${scope}`
        : `Ranking of ${indicator} in ${year} — ${scope}`,
    allUnits: 'top-level units',
    colRank: 'Rank',
    colUnitName: 'Unit',
    colValue: 'Value',
    colGrowth: 'Average growth',
    unranked: (names: string) => `Not ranked (missing figures): ${names}.`,
    importReasonOption:
      "why, written to the audit log; required when the file changes a target's definition in a plan with approved years",
    importReasonHint: 'Give the reason: chitieu import FILE --reason "…" (it is written to the audit log).',
    importWarnings: (file: string, n: number) =>
      `Warnings importing ${file}, against the stored figures (${n}; imported anyway, please check):`,
  },
} as const;

export type Messages = (typeof MESSAGES)['vi'];

/** The CLI's words in one language. */
export function messages(lang: Lang): Messages {
  return MESSAGES[lang] as Messages;
}

/** Parse `--lang` (else CHITIEU_LANG, else vi); anything but vi/en is an error the caller reports. */
export function parseLang(value: string | undefined): Lang | null {
  return commandLang(value);
}
