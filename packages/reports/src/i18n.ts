/**
 * Every word the reports print that is not a narrative sentence from core: headings, labels,
 * column headers, chart titles. Vietnamese is the default; English second.
 */
import type { ForecastClass, Lang, ProgramKind, TaskState } from '@chitieu/core';
import type { ReportType } from './types.js';

type Params = Record<string, string | number>;
type Entry = string | ((p: Params) => string);

const vi = {
  docType: 'BÁO CÁO',
  partyName: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  stateName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  stateMotto: 'Độc lập - Tự do - Hạnh phúc',
  numberLabel: 'Số',
  // Drafts leave day and month blank for the signer to fill in.
  placeDate: (p: Params) =>
    p.day
      ? `${p.place}, ngày ${p.day} tháng ${p.month} năm ${p.year}`
      : `${p.place}, ngày     tháng     năm ${p.year}`,
  'subject.midterm': (p: Params) => `sơ kết giữa nhiệm kỳ thực hiện ${p.title}`,
  'subject.annual': (p: Params) => `đánh giá kết quả thực hiện năm ${p.year} các chỉ tiêu của ${p.title}`,
  'subject.final': (p: Params) => `tổng kết nhiệm kỳ thực hiện ${p.title}`,
  'intro.party': (p: Params) =>
    `Ban Thường vụ ${p.committee} báo cáo ${p.subject}, với những nội dung chủ yếu như sau:`,
  'intro.state': (p: Params) => `${p.committee} báo cáo ${p.subject}, với những nội dung chủ yếu như sau:`,
  'h.targets': 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
  'h.overview': 'Kết quả chung',
  'h.insufficient': 'Các chỉ tiêu chưa đủ số liệu để đánh giá',
  'h.programs': 'KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH TRỌNG TÂM, KHÂU ĐỘT PHÁ VÀ NHIỆM VỤ, GIẢI PHÁP',
  'h.forecast': (p: Params) => `DỰ BÁO KHẢ NĂNG HOÀN THÀNH CÁC CHỈ TIÊU ĐẾN NĂM ${p.year}`,
  'h.result': (p: Params) => `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐẾN NĂM ${p.year}`,
  'h.otherGroup': 'Các chỉ tiêu khác',
  'program.program': 'Chương trình trọng tâm',
  'program.breakthrough': 'Khâu đột phá',
  'program.task-group': 'Nhóm nhiệm vụ, giải pháp',
  'forecast.exceed': 'Các chỉ tiêu dự báo vượt kế hoạch',
  'forecast.complete': 'Các chỉ tiêu dự báo hoàn thành kế hoạch',
  'forecast.at-risk': 'Các chỉ tiêu phải nỗ lực, phấn đấu rất cao mới có thể hoàn thành',
  'forecast.insufficient-data': 'Các chỉ tiêu chưa đủ số liệu để dự báo',
  'class.exceed': 'Vượt',
  'class.complete': 'Hoàn thành',
  'class.at-risk': 'Phấn đấu rất cao',
  'class.insufficient-data': 'Chưa đủ số liệu',
  countTargets: (p: Params) => `${p.n} chỉ tiêu`,
  'task.lead': 'Cơ quan chủ trì',
  'task.title': 'Nhiệm vụ',
  'task.due': 'Thời hạn',
  'task.progress': 'Tiến độ',
  'task.status': 'Tình trạng',
  'status.not-started': 'Chưa triển khai',
  'status.in-progress': 'Đang thực hiện',
  'status.done': 'Hoàn thành',
  'status.overdue': 'Quá hạn',
  'status.cancelled': 'Dừng thực hiện',
  'status.behind': 'Chậm tiến độ',
  'band.none': 'Chưa đủ số liệu',
  'chart.bands': 'Số chỉ tiêu theo mức độ đạt so với mục tiêu',
  'chart.series': (p: Params) => `${p.name} (${p.unit})`,
  'chart.actual': 'Thực hiện',
  'chart.projection': 'Dự báo',
  'chart.goal': 'Mục tiêu',
  'chart.rank': (p: Params) => `${p.name} năm ${p.year}: so sánh các đơn vị (${p.unit})`,
  'chart.rankGrowth': (p: Params) =>
    `${p.name}: tốc độ tăng bình quân đến năm ${p.year} của các đơn vị (%/năm)`,
  'chart.count': 'Số chỉ tiêu',
  'chart.sdg': 'Số chỉ tiêu theo mức độ tiến bộ (phương pháp SDG)',
  figure: (p: Params) => `Biểu đồ ${p.n}. ${p.title}`,
  'appendix.label': 'Phụ lục',
  'appendix.title': (p: Params) => `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${p.title}`.toUpperCase(),
  'appendix.subtitle': (p: Params) =>
    `(Kèm theo Báo cáo số ${p.number} ngày     tháng     năm ${p.year} của ${p.committee})`,
  'col.no': 'STT',
  'col.target': 'Chỉ tiêu',
  'col.unit': 'ĐVT',
  'col.goal': 'Mục tiêu',
  'col.official': (p: Params) => `TH ${p.year}`,
  'col.preliminary': (p: Params) => `Sơ bộ ${p.year}`,
  'col.estimate': (p: Params) => `Ước TH ${p.year}`,
  'col.measured': 'Kết quả so với mục tiêu',
  'col.percent': '% đạt',
  'col.band': 'Nhóm',
  'col.forecast': 'Dự báo',
  'col.forecastPercent': (p: Params) => `Dự báo ${p.year} (% đạt)`,
  'note.estimate': 'Ghi chú: số liệu năm có ghi "Ước TH" là số ước thực hiện; "Sơ bộ" là số sơ bộ.',
  'goal.avg-growth': (p: Params) => `Tăng BQ ${p.value}/năm`,
  'goal.cumulative': (p: Params) => `Tổng giai đoạn ${p.value}`,
  'goal.annual': (p: Params) => `Hằng năm ${p.value}`,
  'goal.change': (p: Params) => `${p.up ? 'Tăng' : 'Giảm'} BQ ${p.value}/năm`,
  'goal.below': (p: Params) => `Dưới ${p.value}`,
  perYear: '/năm',
  'bandShort.top': (p: Params) => `≥ ${p.low}`,
  'bandShort.mid': (p: Params) => `${p.low} – < ${p.high}`,
  'bandShort.bottom': (p: Params) => `< ${p.high}`,
  'goal.milestone': 'Hoàn thành',
  'goal.zero': 'Không để xảy ra',
  recipients: 'Nơi nhận:',
  'sheet.appendix': 'Phụ lục',
  'sheet.forecast': 'Dự báo',
  'pdf.engine.libreoffice': 'PDF chuyển từ DOCX bằng LibreOffice',
  'pdf.engine.pdfmake': 'PDF dựng bằng pdfmake (không có LibreOffice)',
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, Entry> = {
  docType: 'REPORT',
  partyName: 'COMMUNIST PARTY OF VIETNAM',
  stateName: 'SOCIALIST REPUBLIC OF VIETNAM',
  stateMotto: 'Independence - Freedom - Happiness',
  numberLabel: 'No.',
  placeDate: (p) => (p.day ? `${p.place}, ${p.day}/${p.month}/${p.year}` : `${p.place}, …/…/${p.year}`),
  'subject.midterm': (p) => `Mid-term review of the implementation of the ${p.title}`,
  'subject.annual': (p) => `Review of ${p.year} results against the targets of the ${p.title}`,
  'subject.final': (p) => `End-of-term review of the implementation of the ${p.title}`,
  'intro.party': (p) => `The Standing Committee of the ${p.committee} reports as follows.`,
  'intro.state': (p) => `The ${p.committee} reports as follows.`,
  'h.targets': 'RESULTS AGAINST THE MAIN TARGETS',
  'h.overview': 'Overall results',
  'h.insufficient': 'Targets without enough data to evaluate',
  'h.programs': 'KEY PROGRAMS, BREAKTHROUGHS AND TASK GROUPS',
  'h.forecast': (p) => `FORECAST OF COMPLETION BY ${p.year}`,
  'h.result': (p) => `RESULTS BY ${p.year}`,
  'h.otherGroup': 'Other targets',
  'program.program': 'Key programs',
  'program.breakthrough': 'Breakthroughs',
  'program.task-group': 'Task groups',
  'forecast.exceed': 'Targets forecast to exceed the plan',
  'forecast.complete': 'Targets forecast to complete the plan',
  'forecast.at-risk': 'Targets that need very high effort to complete',
  'forecast.insufficient-data': 'Targets without enough data to forecast',
  'class.exceed': 'Exceed',
  'class.complete': 'Complete',
  'class.at-risk': 'Very high effort',
  'class.insufficient-data': 'Not enough data',
  countTargets: (p) => `${p.n} ${Number(p.n) === 1 ? 'target' : 'targets'}`,
  'task.lead': 'Lead agency',
  'task.title': 'Task',
  'task.due': 'Due',
  'task.progress': 'Progress',
  'task.status': 'Status',
  'status.not-started': 'Not started',
  'status.in-progress': 'In progress',
  'status.done': 'Done',
  'status.overdue': 'Overdue',
  'status.cancelled': 'Cancelled',
  'status.behind': 'Behind schedule',
  'band.none': 'Not enough data',
  'chart.bands': 'Targets by achievement of the goal',
  'chart.series': (p) => `${p.name} (${p.unit})`,
  'chart.actual': 'Actual',
  'chart.projection': 'Forecast',
  'chart.goal': 'Goal',
  'chart.rank': (p) => `${p.name} in ${p.year}: comparison of units (${p.unit})`,
  'chart.rankGrowth': (p) => `${p.name}: average growth to ${p.year} by unit (%/year)`,
  'chart.count': 'Targets',
  'chart.sdg': 'Targets by progress (SDG method)',
  figure: (p) => `Figure ${p.n}. ${p.title}`,
  'appendix.label': 'Appendix',
  'appendix.title': (p) => `RESULTS AGAINST THE TARGETS OF THE ${p.title}`.toUpperCase(),
  'appendix.subtitle': (p) => `(Attached to Report No. ${p.number}, ${p.year}, of the ${p.committee})`,
  'col.no': 'No.',
  'col.target': 'Target',
  'col.unit': 'Unit',
  'col.goal': 'Goal',
  'col.official': (p) => `Actual ${p.year}`,
  'col.preliminary': (p) => `Prelim. ${p.year}`,
  'col.estimate': (p) => `Est. ${p.year}`,
  'col.measured': 'Measured',
  'col.percent': '% of goal',
  'col.band': 'Band',
  'col.forecast': 'Forecast',
  'col.forecastPercent': (p) => `Forecast ${p.year} (% of goal)`,
  'note.estimate': 'Note: "Est." columns hold estimates; "Prelim." columns hold preliminary figures.',
  'goal.avg-growth': (p) => `Avg. growth ${p.value}/year`,
  'goal.cumulative': (p) => `Term total ${p.value}`,
  'goal.annual': (p) => `Every year ${p.value}`,
  'goal.change': (p) => `${p.up ? 'Rise' : 'Fall'} ${p.value}/year`,
  'goal.below': (p) => `Under ${p.value}`,
  perYear: '/year',
  'bandShort.top': (p) => `≥ ${p.low}`,
  'bandShort.mid': (p) => `${p.low} – < ${p.high}`,
  'bandShort.bottom': (p) => `< ${p.high}`,
  'goal.milestone': 'Completed',
  'goal.zero': 'None',
  recipients: 'Recipients:',
  'sheet.appendix': 'Appendix',
  'sheet.forecast': 'Forecast',
  'pdf.engine.libreoffice': 'PDF converted from the DOCX by LibreOffice',
  'pdf.engine.pdfmake': 'PDF laid out by pdfmake (LibreOffice not found)',
};

const MESSAGES: Record<Lang, Record<MessageKey, Entry>> = { vi, en };

/**
 * A report word in the given language.
 *
 * @example t('vi', 'col.estimate', { year: 2023 }) // "Ước TH 2023"
 * @example t('en', 'docType')                      // "REPORT"
 */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const entry = (MESSAGES[lang] ?? MESSAGES.vi)[key];
  return typeof entry === 'function' ? entry(params) : entry;
}

export const subjectKey = (type: ReportType): MessageKey => `subject.${type}`;
export const forecastKey = (c: ForecastClass | 'insufficient-data'): MessageKey => `forecast.${c}`;
export const classKey = (c: ForecastClass | 'insufficient-data'): MessageKey => `class.${c}`;
export const programKey = (k: ProgramKind): MessageKey => `program.${k}`;
export const taskStatusKey = (s: TaskState): MessageKey => `status.${s}`;
