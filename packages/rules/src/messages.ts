/**
 * Every sentence a rule (or the plan-file reader) can say, Vietnamese first and English second. One
 * entry per problem code, so the same problem reads the same way in a file, an API answer and a form.
 * Codes listed in WARNING_CODES are warnings: accepted and reported, never refused.
 */
import { formatNumber, type Lang } from '@chitieu/core';

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
  'text-too-short': {
    vi: (p) => `Phải có ít nhất ${s(p.min)} ký tự.`,
    en: (p) => `Must be at least ${s(p.min)} characters long.`,
  },
  'text-too-long': {
    vi: (p) => `Không được dài quá ${s(p.max)} ký tự.`,
    en: (p) => `Must be at most ${s(p.max)} characters long.`,
  },
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
  'list-too-short': {
    vi: (p) => `Danh sách phải có ít nhất ${s(p.min)} mục.`,
    en: (p) => `The list must have at least ${s(p.min)} item(s).`,
  },
  'list-too-long': {
    vi: (p) => `Danh sách không được quá ${s(p.max)} mục.`,
    en: (p) => `The list must have at most ${s(p.max)} items.`,
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
  'unknown-key': {
    vi: (p) =>
      p.suggestion
        ? `\`${s(p.key)}\`: không có trường này; có phải \`${s(p.suggestion)}\`?`
        : `\`${s(p.key)}\`: không có trường này; các trường được dùng: ${s(p.allowed)}.`,
    en: (p) =>
      p.suggestion
        ? `\`${s(p.key)}\`: there is no such field; did you mean \`${s(p.suggestion)}\`?`
        : `\`${s(p.key)}\`: there is no such field; the fields are: ${s(p.allowed)}.`,
  },
  'not-key-value': {
    vi: (p) =>
      `Mục "${s(p.text)}" không có dạng "trường: giá trị"; nếu đây là phần thập phân của một số viết kiểu Việt Nam (18.997,6), hãy viết số với dấu chấm thập phân: 18997.6.`,
    en: (p) =>
      `The entry "${s(p.text)}" is not "key: value"; if it is the decimal part of a number written the Vietnamese way (18.997,6), write the number with a decimal dot: 18997.6.`,
  },
  'out-of-bounds': {
    vi: (p) =>
      `Giá trị ${s(p.value)} nằm ngoài giới hạn của chỉ tiêu ${s(p.indicator)}: ${boundVi(p)}${p.implied ? ' (chỉ tiêu tính bằng % là tỷ lệ từ 0 đến 100; nếu là tốc độ tăng hoặc có thể âm, hãy khai báo bounds)' : ''}.`,
    en: (p) =>
      `The value ${s(p.value)} is outside the bounds of indicator ${s(p.indicator)}: ${boundEn(p)}${p.implied ? ' (a % indicator is a share from 0 to 100; if it is a growth rate or may be negative, declare its bounds)' : ''}.`,
  },
  'year-implausible': {
    vi: (p) =>
      `Năm ${s(p.year)} quá xa: muộn nhất là năm ${s(p.to)} (năm mục tiêu thêm một nhiệm kỳ, theo ${s(p.plans)}); có phải gõ nhầm năm?`,
    en: (p) =>
      `The year ${s(p.year)} is too far ahead: the latest is ${s(p.to)} (a term after the target year, per ${s(p.plans)}); is it a typing error?`,
  },
  'year-outside-term': {
    vi: (p) => `Năm ${s(p.year)} nằm ngoài nhiệm kỳ của kế hoạch ${s(p.plan)} (${s(p.from)}–${s(p.to)}).`,
    en: (p) => `Year ${s(p.year)} is outside the term of plan ${s(p.plan)} (${s(p.from)}–${s(p.to)}).`,
  },
  'nul-char': {
    vi: () => 'Có ký tự NUL (mã 0) trong nội dung; hãy xóa nó (thường do sao chép từ tệp nhị phân).',
    en: () =>
      'The text holds a NUL character (code 0); remove it (it usually comes from copying binary data).',
  },
  'control-char': {
    vi: (p) => `Có ký tự điều khiển ${s(p.char)} trong nội dung; hãy xóa nó.`,
    en: (p) => `The text holds the control character ${s(p.char)}; remove it.`,
  },
  'every-only-annual': {
    vi: () => 'Trường every chỉ dùng cho chỉ tiêu loại annual.',
    en: () => 'The every field applies to annual targets only.',
  },
  'goal-out-of-bounds': {
    vi: (p) => `Mục tiêu ${s(p.value)} nằm ngoài giới hạn của chỉ tiêu ${s(p.indicator)}: ${boundVi(p)}.`,
    en: (p) => `The goal ${s(p.value)} is outside the bounds of indicator ${s(p.indicator)}: ${boundEn(p)}.`,
  },
  'growth-below-minus-100': {
    vi: () => 'Tốc độ tăng không thể nhỏ hơn hoặc bằng −100 %.',
    en: () => 'A growth rate cannot be −100 % or less.',
  },
  'encoding-utf16': {
    vi: (p) =>
      `Tệp ${s(p.file)} được lưu bằng bảng mã ${s(p.encoding)}; chitieu chỉ đọc UTF-8. Hãy lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành… › Mã hóa: UTF-8), hoặc chuyển bằng lệnh: iconv -f ${s(p.iconv)} -t UTF-8 ${s(p.file)} > ${s(p.out)}`,
    en: (p) =>
      `The file ${s(p.file)} is encoded in ${s(p.encoding)}; chitieu reads UTF-8 only. Save it again as UTF-8 (in Notepad: Save as… › Encoding: UTF-8), or convert it: iconv -f ${s(p.iconv)} -t UTF-8 ${s(p.file)} > ${s(p.out)}`,
  },
  'encoding-legacy': {
    vi: (p) =>
      `Tệp ${s(p.file)} có vẻ dùng bảng mã tiếng Việt cũ ${s(p.encoding)}, không phải UTF-8; đọc như vậy chữ sẽ bị lỗi phông. Hãy chuyển sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã, nguồn ${s(p.encoding)}, đích Unicode${p.iconv ? `; hoặc: iconv -f ${s(p.iconv)} -t UTF-8 ${s(p.file)} > ${s(p.out)}` : ''}).`,
    en: (p) =>
      `The file ${s(p.file)} looks encoded in the legacy Vietnamese encoding ${s(p.encoding)}, not UTF-8; read as is, its text would be garbled. Convert it to Unicode UTF-8 (e.g. with Unikey's converter, source ${s(p.encoding)}, target Unicode${p.iconv ? `; or: iconv -f ${s(p.iconv)} -t UTF-8 ${s(p.file)} > ${s(p.out)}` : ''}).`,
  },
  'encoding-invalid': {
    vi: (p) =>
      `Tệp ${s(p.file)} không phải văn bản UTF-8 hợp lệ (byte lạ ở dòng ${s(p.line)}); hãy lưu lại với bảng mã UTF-8.`,
    en: (p) =>
      `The file ${s(p.file)} is not valid UTF-8 text (a stray byte on line ${s(p.line)}); save it again as UTF-8.`,
  },
  mojibake: {
    vi: (p) =>
      `Chữ "${s(p.text)}" có vẻ bị lỗi phông (văn bản UTF-8 từng bị đọc sai bảng mã); hãy sửa lại từ bản gốc.`,
    en: (p) =>
      `The text "${s(p.text)}" looks garbled (UTF-8 once read with the wrong encoding); fix it from the original.`,
  },
  'binary-file': {
    vi: (p) =>
      `Tệp ${s(p.file)} không phải tệp văn bản JSON hoặc YAML${p.kind ? ` (có vẻ là tệp ${s(p.kind)})` : ''}.`,
    en: (p) =>
      `The file ${s(p.file)} is not a JSON or YAML text file${p.kind ? ` (it looks like a ${s(p.kind)} file)` : ''}.`,
  },
  'value-jump': {
    vi: (p) =>
      `Giá trị ${s(p.value)} bằng ${s(p.factor)} lần giá trị năm ${s(p.previousYear)} (${s(p.previous)}); kiểm tra lại đơn vị tính hoặc dấu thập phân.`,
    en: (p) =>
      `The value ${s(p.value)} is ${s(p.factor)} times the value of ${s(p.previousYear)} (${s(p.previous)}); check the unit of measure or the decimal mark.`,
  },
  'estimate-below-official': {
    vi: (p) =>
      `Số ${s(p.status)} ${s(p.value)} thấp hơn số ${s(p.strongerStatus)} ${s(p.stronger)} cùng năm; số ${s(p.strongerStatus)} vẫn được dùng để đánh giá.`,
    en: (p) =>
      `The ${s(p.status)} figure ${s(p.value)} is below the ${s(p.strongerStatus)} figure ${s(p.stronger)} of the same year; the ${s(p.strongerStatus)} figure is still the one evaluated.`,
  },
} satisfies Record<string, Record<Lang, Sentence>>;

export type ProblemCode = keyof typeof MESSAGES;

/** Codes that are warnings: the input is accepted and the warning reported. */
export const WARNING_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'value-jump',
  'estimate-below-official',
]);

function boundVi(p: P): string {
  if (p.low != null && p.high != null) return `phải từ ${s(p.low)} đến ${s(p.high)}`;
  if (p.low != null) return `không được nhỏ hơn ${s(p.low)}`;
  return `không được lớn hơn ${s(p.high)}`;
}
function boundEn(p: P): string {
  if (p.low != null && p.high != null) return `it must be between ${s(p.low)} and ${s(p.high)}`;
  if (p.low != null) return `it must not be below ${s(p.low)}`;
  return `it must not be above ${s(p.high)}`;
}

const WHAT: Record<string, Record<Lang, string>> = {
  unit: { vi: 'đơn vị', en: 'unit' },
  indicator: { vi: 'chỉ tiêu thống kê', en: 'indicator' },
  plan: { vi: 'kế hoạch', en: 'plan' },
  target: { vi: 'chỉ tiêu kế hoạch', en: 'target' },
  program: { vi: 'chương trình', en: 'program' },
  task: { vi: 'nhiệm vụ', en: 'task' },
};

/** Parameters that are figures (not years, lines or counts). */
const NUMBER_PARAMS = ['value', 'previous', 'stronger', 'factor', 'low', 'high'] as const;

/** The decimals a figure is written with (up to 6), so nothing is rounded away in a message. */
const decimalsOf = (x: number): number => {
  const frac = String(x).split('.')[1];
  return frac === undefined || /e/i.test(String(x)) ? 0 : Math.min(6, frac.length);
};

const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  official: { vi: 'chính thức', en: 'official' },
  preliminary: { vi: 'sơ bộ', en: 'preliminary' },
  estimate: { vi: 'ước thực hiện', en: 'estimate' },
  plan: { vi: 'kế hoạch', en: 'plan' },
};

const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  object: { vi: 'một đối tượng (các cặp trường: giá trị)', en: 'an object (field: value pairs)' },
  array: { vi: 'một danh sách', en: 'a list' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
};

/**
 * The sentence for a problem.
 *
 * @example message('unknown-key', { key: 'stauts', suggestion: 'status' }, 'vi') // '`stauts`: không có trường này; có phải `status`?'
 */
export function message(code: ProblemCode, params: P, lang: Lang): string {
  const p = { ...params };
  if (typeof p.receivedKind === 'string' && p.received === undefined)
    p.received = describeReceived(receivedValue(p.receivedKind, p.receivedText), lang);
  // Figures read as the reader writes them ("15.372,5" in Vietnamese); years, lines and counts stay plain.
  for (const k of NUMBER_PARAMS) {
    const x = p[k];
    if (typeof x === 'number' && Number.isFinite(x)) p[k] = formatNumber(x, decimalsOf(x), lang);
  }
  for (const k of ['status', 'strongerStatus'])
    if (typeof p[k] === 'string') p[k] = STATUS_WORDS[p[k] as string]?.[lang] ?? p[k];
  if (typeof p.what === 'string') p.what = WHAT[p.what]?.[lang] ?? p.what;
  if (typeof p.expected === 'string') p.expected = TYPE_WORDS[p.expected]?.[lang] ?? p.expected;
  return (MESSAGES[code][lang] as Sentence)(p);
}

/** The received value back from its language-neutral parameters (zod-problems.ts). */
function receivedValue(kind: string, text: string | number | undefined): unknown {
  switch (kind) {
    case 'string':
      return String(text ?? '');
    case 'number':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'null':
      return null;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return undefined;
  }
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
