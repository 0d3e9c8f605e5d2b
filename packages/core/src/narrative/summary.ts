import type { BandCount, Evaluation, SdgStatus } from '../evaluation-types.js';
import { formatPercent } from '../format/number.js';
import { forecastClassLabel, sdgStatusLabel } from '../i18n/messages.js';
import type { Lang } from '../model.js';
import { countOf } from './words.js';

/** A band edge as the plan wrote it, with the percent sign: "80 %", "87,5 %". */
function edge(percent: number, lang: Lang): string {
  return formatPercent(percent, (String(percent).split('.')[1] ?? '').length, lang);
}

/**
 * How a band is said: from its lower edge (inclusive) up to the next band's edge (exclusive).
 * `upper` is null for the highest band; `lower` null for the lowest.
 */
function bandWords(lower: number | null, upper: number | null, lang: Lang): string {
  if (lang === 'en') {
    if (lower == null && upper == null) return 'evaluated';
    if (lower == null) return `under ${edge(upper as number, lang)}`;
    if (upper == null) return `at ${edge(lower, lang)} or more`;
    return `at ${edge(lower, lang)} to under ${edge(upper, lang)}`;
  }
  if (lower == null && upper == null) return 'được đánh giá';
  if (lower == null) return `dưới ${edge(upper as number, lang)}`;
  if (upper == null) return `đạt từ ${edge(lower, lang)} trở lên`;
  return `đạt từ ${edge(lower, lang)} đến dưới ${edge(upper, lang)}`;
}

function bandPart(bands: BandCount[], i: number, lang: Lang): string {
  const band = bands[i] as BandCount;
  const upper = i === 0 ? null : (bands[i - 1]?.minPercent ?? null);
  const words = bandWords(band.minPercent, upper, lang);
  const label = band.label?.trim();
  const n = countOf(band.count, 'target', lang);
  return label ? `${n} “${label}” (${words})` : `${n} ${words}`;
}

const SDG_ORDER: SdgStatus[] = ['target-achieved', 'substantial', 'moderate', 'limited', 'deterioration'];
/**
 * The one-paragraph summary of an evaluation: the total, the count in each band (the plan's own
 * edges and labels; empty bands are left out), then the count met and the count lacking data.
 * Plans evaluated by SDG progress are summarised by progress status instead.
 *
 * @example
 * summarySentence(ev, 'vi')
 * // "29 chỉ tiêu: 23 chỉ tiêu đạt từ 80 % trở lên, 3 chỉ tiêu đạt từ 50 % đến dưới 80 %,
 * //  3 chỉ tiêu dưới 50 %. Có 9 chỉ tiêu đã đạt hoặc vượt mục tiêu."
 * summarySentence(ev, 'en')
 * // "29 targets: 23 at 80% or more, 3 at 50% to under 80%, 3 under 50%. 9 targets met or exceeded."
 */
export function summarySentence(ev: Evaluation, lang: Lang): string {
  const s = ev.summary;
  const total = countOf(s.total, 'target', lang);
  const sentences: string[] = [];
  if (ev.methodology === 'sdg-progress' && s.sdgProgress) {
    const sdg = s.sdgProgress;
    const parts = SDG_ORDER.filter((k) => (sdg[k] ?? 0) > 0).map(
      (k) => `${countOf(sdg[k], 'target', lang)} ${sdgStatusLabel(k, lang)}`,
    );
    sentences.push(parts.length > 0 ? `${total}: ${parts.join(', ')}.` : `${total}.`);
    const missing = sdg['insufficient-data'] ?? 0;
    if (missing > 0)
      sentences.push(`${countOf(missing, 'target', lang)} ${insufficientWords(missing, lang)}.`);
    return sentences.join(' ');
  }
  const parts = s.bands.map((_, i) => i).filter((i) => (s.bands[i]?.count ?? 0) > 0);
  if (parts.length > 0) {
    const said = parts.map((i) => bandPart(s.bands, i, lang));
    // English does not repeat the noun after the total: "29 targets: 23 at 80% or more, 3 at …".
    const text = lang === 'en' ? said.map((p) => p.replace(/^(\S+) targets? /, '$1 ')) : said;
    sentences.push(`${total}: ${text.join(', ')}.`);
    if (s.met > 0) {
      sentences.push(
        lang === 'en'
          ? `${countOf(s.met, 'target', lang)} met or exceeded.`
          : `Có ${countOf(s.met, 'target', lang)} đã đạt hoặc vượt mục tiêu.`,
      );
    } else {
      sentences.push(lang === 'en' ? 'No target met yet.' : 'Chưa có chỉ tiêu nào đạt mục tiêu.');
    }
  } else {
    sentences.push(`${total}.`);
  }
  if (s.insufficientData > 0) {
    sentences.push(
      `${countOf(s.insufficientData, 'target', lang)} ${insufficientWords(s.insufficientData, lang)}.`,
    );
  }
  return sentences.join(' ');
}

function insufficientWords(n: number, lang: Lang): string {
  if (lang !== 'en') return 'chưa đủ số liệu để đánh giá';
  return n === 1 ? 'lacks the data to be evaluated' : 'lack the data to be evaluated';
}

/**
 * The forecast summary: how many targets will exceed, complete, or need very high effort, and
 * how many cannot be forecast. `targetYear` (the plan's) names the horizon when given.
 *
 * @example
 * forecastSummarySentence(ev, 'vi', { targetYear: 2025 })
 * // "Dự báo đến năm 2025: 5 chỉ tiêu vượt kế hoạch, 20 chỉ tiêu hoàn thành kế hoạch, 3 chỉ tiêu phải
 * //  nỗ lực, phấn đấu rất cao mới có thể hoàn thành. 1 chỉ tiêu chưa đủ số liệu để dự báo."
 */
export function forecastSummarySentence(
  ev: Evaluation,
  lang: Lang,
  opts: { targetYear?: number } = {},
): string {
  const f = ev.summary.forecast;
  const T = opts.targetYear;
  // Only when every classed target has its figure for T are the classes outcomes rather than forecasts.
  const ended =
    T != null &&
    ev.asOf >= T &&
    ev.targets.every((t) => t.forecast.class === 'insufficient-data' || (t.year ?? 0) >= T);
  if (T != null && ended) return termResultSentence(ev, lang, T);
  const horizon =
    opts.targetYear != null
      ? lang === 'en'
        ? `Forecast to ${opts.targetYear}`
        : `Dự báo đến năm ${opts.targetYear}`
      : lang === 'en'
        ? 'Forecast to the end of the term'
        : 'Dự báo đến cuối nhiệm kỳ';
  const classes: [number, string][] = [
    [f.exceed, forecastClassLabel('exceed', lang)],
    [f.complete, forecastClassLabel('complete', lang)],
    [
      f.atRisk,
      lang === 'en' && f.atRisk !== 1
        ? 'need very high effort to complete'
        : forecastClassLabel('at-risk', lang),
    ],
  ];
  const parts = classes.filter(([n]) => n > 0).map(([n, w]) => `${countOf(n, 'target', lang)} ${w}`);
  const sentences = [
    parts.length > 0
      ? `${horizon}: ${parts.join(', ')}.`
      : `${horizon}: ${lang === 'en' ? 'no target can be forecast yet' : 'chưa dự báo được chỉ tiêu nào'}.`,
  ];
  if (f.insufficientData > 0 && parts.length > 0) {
    const noun = countOf(f.insufficientData, 'target', lang);
    sentences.push(
      lang === 'en'
        ? `${noun} ${f.insufficientData === 1 ? 'lacks' : 'lack'} the data for a forecast.`
        : `${noun} chưa đủ số liệu để dự báo.`,
    );
  }
  return sentences.join(' ');
}

/** At the end of the term the forecast classes are outcomes: how many exceeded, completed, did not. */
function termResultSentence(ev: Evaluation, lang: Lang, targetYear: number): string {
  const f = ev.summary.forecast;
  const words =
    lang === 'en'
      ? ['exceeded the plan', 'completed the plan', 'did not complete the plan']
      : ['vượt kế hoạch', 'hoàn thành kế hoạch', 'không hoàn thành kế hoạch'];
  const parts = [f.exceed, f.complete, f.atRisk]
    .map((n, i) => (n > 0 ? `${countOf(n, 'target', lang)} ${words[i]}` : null))
    .filter((x) => x !== null);
  const head =
    lang === 'en' ? `Term result (to ${targetYear})` : `Kết quả cả nhiệm kỳ (đến năm ${targetYear})`;
  const sentences = [`${head}: ${parts.length > 0 ? parts.join(', ') : '—'}.`];
  if (f.insufficientData > 0) {
    sentences.push(
      `${countOf(f.insufficientData, 'target', lang)} ${insufficientWords(f.insufficientData, lang)}.`,
    );
  }
  return sentences.join(' ');
}
