/**
 * Every sentence the plan-file reader can say, Vietnamese first and English second. One entry per
 * problem code, so the same problem always reads the same way.
 */
import type { Lang } from '@chitieu/core';

type P = Record<string, string | number | undefined>;
type Sentence = (p: P) => string;

const s = (x: string | number | undefined) => String(x ?? '');

export const MESSAGES = {
  'read-error': {
    vi: (p) => `Không đọc được tệp ${s(p.file)}: ${s(p.detail)}.`,
    en: (p) => `Cannot read the file ${s(p.file)}: ${s(p.detail)}.`,
  },
  'empty-file': {
    vi: (p) => (p.file ? `Tệp ${s(p.file)} trống.` : 'Tệp trống.'),
    en: (p) => (p.file ? `The file ${s(p.file)} is empty.` : 'The file is empty.'),
  },
  'yaml-syntax': {
    vi: (p) => `Lỗi cú pháp YAML ở dòng ${s(p.line)}, cột ${s(p.column)}: ${s(p.detail)}.`,
    en: (p) => `YAML syntax error at line ${s(p.line)}, column ${s(p.column)}: ${s(p.detail)}.`,
  },
  'json-syntax': {
    vi: (p) => `Lỗi cú pháp JSON ở dòng ${s(p.line)}, cột ${s(p.column)}: ${s(p.detail)}.`,
    en: (p) => `JSON syntax error at line ${s(p.line)}, column ${s(p.column)}: ${s(p.detail)}.`,
  },
  'json-syntax-unplaced': {
    vi: (p) => `Lỗi cú pháp JSON: ${s(p.detail)}.`,
    en: (p) => `JSON syntax error: ${s(p.detail)}.`,
  },
  'not-an-object': {
    vi: () => 'Nội dung tệp phải là một đối tượng với các trường format, units, indicators, plans, values.',
    en: () => 'The file must hold one object with the fields format, units, indicators, plans, values.',
  },
  'format-missing': {
    vi: () => 'Thiếu trường format: tệp kế hoạch phải bắt đầu bằng "format: chitieu.plan/1".',
    en: () => 'The format field is missing: a plan file must start with "format: chitieu.plan/1".',
  },
  'format-tag': {
    vi: (p) => `Trường format phải là "chitieu.plan/1" (đang là ${s(p.received)}).`,
    en: (p) => `The format field must be "chitieu.plan/1" (found ${s(p.received)}).`,
  },
  required: { vi: () => 'Thiếu trường bắt buộc.', en: () => 'This required field is missing.' },
  'required-empty': {
    vi: () => 'Trường bắt buộc đang để trống.',
    en: () => 'This required field is empty.',
  },
  'not-finite': {
    vi: () => 'Phải là một số hữu hạn (không dùng .nan hay .inf).',
    en: () => 'Must be a finite number (not .nan or .inf).',
  },
  'wrong-type': {
    vi: (p) => `Phải là ${s(p.expected)}, nhưng đang là ${s(p.received)}.`,
    en: (p) => `Must be ${s(p.expected)}, but is ${s(p.received)}.`,
  },
  'not-a-number': {
    vi: (p) =>
      `Phải là một số, nhưng đang là ${s(p.received)}; viết số với dấu chấm thập phân và không có dấu phân cách hàng nghìn (ví dụ 15372.5).`,
    en: (p) =>
      `Must be a number, but is ${s(p.received)}; write numbers with a decimal dot and no thousands separator (e.g. 15372.5).`,
  },
  'code-not-text': {
    vi: (p) => `Mã phải là chuỗi ký tự; hãy đặt ${s(p.received)} trong dấu ngoặc kép để giữ nguyên.`,
    en: (p) => `A code must be text; put ${s(p.received)} in quotes to keep it exactly as written.`,
  },
  'not-integer': {
    vi: (p) => `Phải là số nguyên, nhưng đang là ${s(p.received)}.`,
    en: (p) => `Must be a whole number, but is ${s(p.received)}.`,
  },
  'empty-text': { vi: () => 'Không được để trống.', en: () => 'Must not be empty.' },
  'one-of': {
    vi: (p) => `Giá trị ${s(p.received)} không hợp lệ; chỉ được dùng: ${s(p.values)}.`,
    en: (p) => `The value ${s(p.received)} is not allowed; use one of: ${s(p.values)}.`,
  },
  'too-small': {
    vi: (p) => `Phải lớn hơn hoặc bằng ${s(p.min)} (đang là ${s(p.received)}).`,
    en: (p) => `Must be at least ${s(p.min)} (is ${s(p.received)}).`,
  },
  'too-big': {
    vi: (p) => `Phải nhỏ hơn hoặc bằng ${s(p.max)} (đang là ${s(p.received)}).`,
    en: (p) => `Must be at most ${s(p.max)} (is ${s(p.received)}).`,
  },
  'pair-needed': {
    vi: () => 'Phải là cặp [giá trị nhỏ nhất, giá trị lớn nhất]; dùng null cho đầu không giới hạn.',
    en: () => 'Must be a pair [min, max]; use null for an open end.',
  },
  'bad-date': {
    vi: (p) => `Ngày ${s(p.received)} không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2024-12-31.`,
    en: (p) => `The date ${s(p.received)} is invalid; write it as YYYY-MM-DD, e.g. 2024-12-31.`,
  },
  'bad-period': {
    vi: (p) => `Kỳ ${s(p.received)} không hợp lệ; dùng Q1…Q4, M01…M12, H1, H2, 6M hoặc 9M.`,
    en: (p) => `The period ${s(p.received)} is invalid; use Q1…Q4, M01…M12, H1, H2, 6M or 9M.`,
  },
  invalid: {
    vi: (p) => `Giá trị không hợp lệ (${s(p.detail)}).`,
    en: (p) => `Invalid value (${s(p.detail)}).`,
  },
  duplicate: {
    vi: (p) => `Mã ${s(p.what)} "${s(p.code)}" bị trùng (đã dùng ở ${s(p.first)}).`,
    en: (p) => `The ${s(p.what)} code "${s(p.code)}" is used twice (first at ${s(p.first)}).`,
  },
  'duplicate-value': {
    vi: (p) => `Số liệu bị trùng: cùng chỉ tiêu, đơn vị, năm, kỳ và trạng thái với ${s(p.first)}.`,
    en: (p) => `Duplicate figure: same indicator, unit, year, period and status as ${s(p.first)}.`,
  },
  'unknown-unit': {
    vi: (p) => `Không có đơn vị mã "${s(p.code)}" trong units.`,
    en: (p) => `There is no unit with code "${s(p.code)}" in units.`,
  },
  'unknown-indicator': {
    vi: (p) => `Không có chỉ tiêu mã "${s(p.code)}" trong indicators.`,
    en: (p) => `There is no indicator with code "${s(p.code)}" in indicators.`,
  },
  'unknown-target': {
    vi: (p) => `Kế hoạch không có chỉ tiêu kế hoạch mã "${s(p.code)}".`,
    en: (p) => `The plan has no target with code "${s(p.code)}".`,
  },
  'parent-cycle': {
    vi: (p) => `Quan hệ cấp trên tạo vòng lặp: ${s(p.cycle)}.`,
    en: (p) => `The parent links form a cycle: ${s(p.cycle)}.`,
  },
  'parent-self': {
    vi: () => 'Đơn vị không thể là cấp trên của chính nó.',
    en: () => 'A unit cannot be its own parent.',
  },
  'target-needs-value': {
    vi: (p) => `Chỉ tiêu loại ${s(p.kind)} cần giá trị mục tiêu: ghi value, hoặc cả low và high.`,
    en: (p) => `A ${s(p.kind)} target needs a goal: give value, or both low and high.`,
  },
  'value-and-range': {
    vi: () => 'Chỉ ghi value hoặc khoảng low–high, không ghi cả hai.',
    en: () => 'Give either value or the range low–high, not both.',
  },
  'half-range': {
    vi: () => 'Khoảng mục tiêu cần cả low và high; với một giá trị, dùng value.',
    en: () => 'A range needs both low and high; for a single figure use value.',
  },
  'low-above-high': {
    vi: (p) => `Cận dưới low (${s(p.low)}) lớn hơn cận trên high (${s(p.high)}).`,
    en: (p) => `The lower bound low (${s(p.low)}) is above the upper bound high (${s(p.high)}).`,
  },
  'min-above-max': {
    vi: (p) => `Giới hạn dưới (${s(p.low)}) lớn hơn giới hạn trên (${s(p.high)}).`,
    en: (p) => `The lower limit (${s(p.low)}) is above the upper limit (${s(p.high)}).`,
  },
  'years-order': {
    vi: (p) => `Năm mục tiêu (${s(p.target)}) phải sau năm gốc (${s(p.baseline)}).`,
    en: (p) => `The target year (${s(p.target)}) must come after the baseline year (${s(p.baseline)}).`,
  },
  'input-only-avg-growth': {
    vi: () => 'Trường input chỉ dùng cho chỉ tiêu loại avg-growth.',
    en: () => 'The input field applies to avg-growth targets only.',
  },
  'expected-only-milestone': {
    vi: () => 'Trường expected chỉ dùng cho chỉ tiêu loại milestone.',
    en: () => 'The expected field applies to milestone targets only.',
  },
  'formula-error': {
    vi: (p) => `Lỗi trong công thức: ${s(p.detail)}`,
    en: (p) => `Error in the formula: ${s(p.detail)}`,
  },
  'formula-unknown-code': {
    vi: (p) => `Công thức dùng mã chỉ tiêu không có trong indicators: "${s(p.code)}".`,
    en: (p) => `The formula uses a code that is not in indicators: "${s(p.code)}".`,
  },
  'formula-cycle': {
    vi: (p) => `Công thức phụ thuộc vòng tròn: ${s(p.cycle)}.`,
    en: (p) => `The formulas depend on each other in a cycle: ${s(p.cycle)}.`,
  },
  'weight-required': {
    vi: () =>
      'Chỉ tiêu tổng hợp bình quân gia quyền (weighted-mean) cần mã chỉ tiêu quyền số ở trường weight.',
    en: () => 'A weighted-mean indicator needs the code of its weight indicator in the weight field.',
  },
  'weight-self': {
    vi: () => 'Chỉ tiêu không thể là quyền số của chính nó.',
    en: () => 'An indicator cannot be its own weight.',
  },
  'ratio-needs-formula': {
    vi: () => 'Chỉ tiêu tổng hợp theo tỷ số (ratio) cần công thức (ví dụ "IC / GO * 100").',
    en: () => 'A ratio indicator needs a formula (e.g. "IC / GO * 100").',
  },
  'bands-order': {
    vi: () => 'Các ngưỡng nhóm (bands) phải giảm dần, ngưỡng cao nhất trước.',
    en: () => 'The band edges must decrease, highest first.',
  },
  'band-labels-count': {
    vi: (p) => `Cần ${s(p.expected)} nhãn nhóm (số ngưỡng + 1), đang có ${s(p.count)}.`,
    en: (p) => `${s(p.expected)} band labels are needed (edges + 1); found ${s(p.count)}.`,
  },
  'forecast-order': {
    vi: (p) =>
      `Ngưỡng vượt kế hoạch (${s(p.exceed)}) phải không nhỏ hơn ngưỡng hoàn thành (${s(p.complete)}).`,
    en: (p) =>
      `The exceed threshold (${s(p.exceed)}) must not be below the complete threshold (${s(p.complete)}).`,
  },
} satisfies Record<string, Record<Lang, Sentence>>;

export type ProblemCode = keyof typeof MESSAGES;

const WHAT: Record<string, Record<Lang, string>> = {
  unit: { vi: 'đơn vị', en: 'unit' },
  indicator: { vi: 'chỉ tiêu thống kê', en: 'indicator' },
  plan: { vi: 'kế hoạch', en: 'plan' },
  target: { vi: 'chỉ tiêu kế hoạch', en: 'target' },
  program: { vi: 'chương trình', en: 'program' },
  task: { vi: 'nhiệm vụ', en: 'task' },
};

const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  object: { vi: 'một đối tượng (các cặp trường: giá trị)', en: 'an object (field: value pairs)' },
  array: { vi: 'một danh sách', en: 'a list' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
};

/** The sentence for a problem. */
export function message(code: ProblemCode, params: P, lang: Lang): string {
  const p = { ...params };
  if (typeof p.what === 'string') p.what = WHAT[p.what]?.[lang] ?? p.what;
  if (typeof p.expected === 'string') p.expected = TYPE_WORDS[p.expected]?.[lang] ?? p.expected;
  return (MESSAGES[code][lang] as Sentence)(p);
}

/** A received value quoted as written: "Q5", 12, true. */
export function quoted(x: unknown): string {
  if (typeof x === 'string') return `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return '';
}

/** How a received value is named in a sentence ("chuỗi "abc"", "số 12", "danh sách"). */
export function describeReceived(x: unknown, lang: Lang): string {
  const vi = lang === 'vi';
  if (x === undefined) return vi ? 'không có' : 'missing';
  if (x === null) return vi ? 'để trống' : 'empty';
  if (typeof x === 'string')
    return `${vi ? 'chuỗi' : 'the text'} "${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'number') return `${vi ? 'số' : 'the number'} ${String(x)}`;
  if (typeof x === 'boolean') return `${vi ? 'giá trị' : 'the value'} ${String(x)}`;
  if (Array.isArray(x)) return vi ? 'một danh sách' : 'a list';
  return vi ? 'một đối tượng' : 'an object';
}
