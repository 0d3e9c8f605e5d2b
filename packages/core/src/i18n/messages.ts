/**
 * The core's words, Vietnamese first and English second (GLOSSARY.md). Narrative, reports, the CLI and
 * the web reuse these so a class or band reads the same everywhere.
 */
import type { Reason, SdgStatus } from '../evaluation-types.js';
import type { ForecastClass, Lang, LocalizedText } from '../model.js';

type Words = Record<Lang, string>;
type Params = Record<string, string | number>;

/** Years and counts print as plain integers ("2020", never "2.020"). */
const p = (params: Params | undefined, name: string): string => String(params?.[name] ?? '?');

const REASONS: Record<Reason['code'], (x: Params | undefined) => Words> = {
  'no-indicator': (x) => ({
    vi: `không tìm thấy chỉ tiêu thống kê ${p(x, 'indicator')}`,
    en: `indicator ${p(x, 'indicator')} not found`,
  }),
  'no-target-value': () => ({ vi: 'chỉ tiêu chưa có giá trị mục tiêu', en: 'the target sets no value' }),
  'no-actual': (x) =>
    x?.year === undefined
      ? { vi: 'chưa có số liệu thực hiện', en: 'no actual value yet' }
      : { vi: `không có số liệu năm ${p(x, 'year')}`, en: `no value for ${p(x, 'year')}` },
  'no-baseline': (x) => ({
    vi: `không có số liệu năm gốc ${p(x, 'year')}`,
    en: `no baseline value for ${p(x, 'year')}`,
  }),
  'zero-divisor': (x) => {
    switch (x?.subject) {
      case 'baseline':
        return {
          vi: `số liệu năm gốc ${p(x, 'year')} bằng 0`,
          en: `the baseline value for ${p(x, 'year')} is zero`,
        };
      case 'observed-growth':
        return {
          vi: 'giá trị đã giảm về 0 (tăng −100 %), không tính được tốc độ cần đạt',
          en: 'the value fell to zero (−100 %); no required pace exists',
        };
      case 'required-growth':
        return { vi: 'mục tiêu bằng số liệu năm gốc', en: 'the target equals the base value' };
      default:
        return { vi: 'phép chia cho 0', en: 'division by zero' };
    }
  },
  'no-elapsed-years': (x) => ({
    vi: `năm đánh giá trùng năm gốc ${p(x, 'year')}, chưa có năm nào để tính`,
    en: `the evaluation year is the baseline year ${p(x, 'year')}; no year has elapsed`,
  }),
  'too-few-points': (x) => ({
    vi: `cần ít nhất 2 năm có số liệu để dự báo (hiện có ${p(x, 'count')})`,
    en: `a forecast needs at least 2 years of actual figures (found ${p(x, 'count')})`,
  }),
  'sign-mismatch': (x) =>
    x?.subject === 'target'
      ? {
          vi: `số liệu năm gốc ${p(x, 'year')} và mục tiêu trái dấu`,
          en: `the base value for ${p(x, 'year')} and the target have opposite signs`,
        }
      : {
          vi: `số liệu năm ${p(x, 'year')} và năm ${p(x, 'latestYear')} trái dấu, không tính được tốc độ tăng`,
          en: `the values for ${p(x, 'year')} and ${p(x, 'latestYear')} have opposite signs; no growth rate exists`,
        },
  'not-computable': (x) =>
    x?.subject === 'expected'
      ? { vi: 'chỉ tiêu chưa có dự báo của đơn vị', en: 'no expected class is set for this milestone' }
      : { vi: 'không tính được từ số liệu hiện có', en: 'cannot be computed from the figures given' },
};

/**
 * A reason in words.
 *
 * @example reasonText({ code: 'no-baseline', params: { year: 2020 } })        // 'không có số liệu năm gốc 2020'
 * @example reasonText({ code: 'no-baseline', params: { year: 2020 } }, 'en')  // 'no baseline value for 2020'
 */
export function reasonText(reason: Reason, lang: Lang = 'vi'): string {
  const words = REASONS[reason.code] ?? REASONS['not-computable'];
  return words(reason.params)[lang];
}

const FORECAST_CLASSES: Record<ForecastClass | 'insufficient-data', Words> = {
  exceed: { vi: 'vượt kế hoạch', en: 'will exceed the plan' },
  complete: { vi: 'hoàn thành kế hoạch', en: 'will complete the plan' },
  'at-risk': {
    vi: 'phải nỗ lực, phấn đấu rất cao mới có thể hoàn thành',
    en: 'needs very high effort to complete',
  },
  'insufficient-data': { vi: 'chưa đủ số liệu để dự báo', en: 'not enough data to forecast' },
};

/** @example forecastClassLabel('at-risk') // 'phải nỗ lực, phấn đấu rất cao mới có thể hoàn thành' */
export function forecastClassLabel(c: ForecastClass | 'insufficient-data', lang: Lang = 'vi'): string {
  return FORECAST_CLASSES[c][lang];
}

/** A band edge as printed: "80", "62,5" in Vietnamese, "62.5" in English. */
const edge = (x: number, lang: Lang): string => (lang === 'vi' ? String(x).replace('.', ',') : String(x));

/**
 * The words of a band (index into `edges`, 0 = highest; `edges.length` = the lowest band). A label set
 * by the plan wins.
 *
 * @example bandLabel(0, [80, 50]) // 'đạt từ 80 % trở lên'
 * @example bandLabel(1, [80, 50]) // 'đạt từ 50 % đến dưới 80 %'
 * @example bandLabel(2, [80, 50]) // 'dưới 50 %'
 * @example bandLabel(1, [80, 50], 'en') // '50% to under 80%' (English pages write no space before %)
 */
export function bandLabel(
  index: number,
  edges: readonly number[],
  lang: Lang = 'vi',
  labels?: readonly LocalizedText[] | null,
): string {
  const own = labels?.[index];
  if (own) return localized(own, lang);
  const lower = edges[index];
  const upper = index > 0 ? edges[index - 1] : undefined;
  if (lower === undefined) {
    const last = edges[edges.length - 1] ?? 0;
    return lang === 'vi' ? `dưới ${edge(last, lang)} %` : `under ${edge(last, lang)}%`;
  }
  if (upper === undefined)
    return lang === 'vi' ? `đạt từ ${edge(lower, lang)} % trở lên` : `${edge(lower, lang)}% or more`;
  return lang === 'vi'
    ? `đạt từ ${edge(lower, lang)} % đến dưới ${edge(upper, lang)} %`
    : `${edge(lower, lang)}% to under ${edge(upper, lang)}%`;
}

const SDG_STATUSES: Record<SdgStatus, Words> = {
  'target-achieved': { vi: 'đã đạt mục tiêu', en: 'target achieved' },
  substantial: { vi: 'tiến bộ đáng kể', en: 'substantial progress' },
  moderate: { vi: 'có tiến bộ nhưng cần đẩy nhanh', en: 'moderate progress, acceleration needed' },
  limited: { vi: 'tiến bộ hạn chế', en: 'limited progress' },
  deterioration: { vi: 'thụt lùi', en: 'deterioration' },
  'insufficient-data': { vi: 'chưa đủ số liệu', en: 'insufficient data' },
};

/** @example sdgStatusLabel('moderate', 'en') // 'moderate progress, acceleration needed' */
export function sdgStatusLabel(status: SdgStatus, lang: Lang = 'vi'): string {
  return SDG_STATUSES[status][lang];
}

/**
 * "ước đạt" for a figure that is an estimate, "đạt" otherwise (docs/methodology.md).
 *
 * @example achievedWord(true) // 'ước đạt'
 */
export function achievedWord(estimate: boolean, lang: Lang = 'vi'): string {
  if (lang === 'en') return estimate ? 'estimated at' : 'reached';
  return estimate ? 'ước đạt' : 'đạt';
}

/** The text in a language, falling back to Vietnamese. */
function localized(text: LocalizedText, lang: Lang = 'vi'): string {
  return lang === 'en' && text.en ? text.en : text.vi;
}
