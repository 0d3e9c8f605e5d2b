import type { Effort, TargetEvaluation } from '../evaluation-types.js';
import { formatNumber, formatPercent, formatQuantity, formatYearSpan, localUnit } from '../format/number.js';
import { forecastClassLabel, sdgStatusLabel } from '../i18n/messages.js';
import type { Indicator, Lang, Plan, Target } from '../model.js';
import { localize, ordinal, plainNumber } from './words.js';

/** Where a rank was taken: "toàn tỉnh" = among the province's district-level units. */
export type RankScope = 'nation' | 'province' | 'city' | 'district' | 'town';

/** Everything a sentence about one target needs. */
export interface TargetContext {
  target: Target;
  indicator: Indicator;
  evaluation: TargetEvaluation;
  plan: Pick<Plan, 'baselineYear' | 'targetYear'>;
  rank?: { rank: number; of: number; scope?: RankScope | null } | null;
}

const SCOPE_WORDS: Record<Lang, Record<RankScope, string>> = {
  vi: {
    nation: 'cả nước',
    province: 'toàn tỉnh',
    city: 'toàn thành phố',
    district: 'toàn huyện',
    town: 'toàn thị xã',
  },
  en: {
    nation: 'in the country',
    province: 'in the province',
    city: 'in the city',
    district: 'in the district',
    town: 'in the town',
  },
};

/** "xếp thứ 4/27 toàn tỉnh" / "ranks 4th of 27 in the province". */
function rankWords(rank: NonNullable<TargetContext['rank']>, lang: Lang): string {
  const scope = rank.scope ? SCOPE_WORDS[lang][rank.scope] : '';
  if (lang === 'en') return `ranks ${ordinal(rank.rank)} of ${rank.of}${scope ? ` ${scope}` : ''}`;
  return `xếp thứ ${rank.rank}/${rank.of}${scope ? ` ${scope}` : ''}`;
}

/** "tiến độ SDG: tiến bộ đáng kể (R = 1,10)" for plans evaluated by SDG progress. */
function sdgWords(ev: TargetEvaluation, lang: Lang): string | null {
  if (!ev.sdgProgress) return null;
  const { status, ratio } = ev.sdgProgress;
  const r = ratio == null ? '' : ` (R = ${formatNumber(ratio, 2, lang)})`;
  return `${lang === 'en' ? 'SDG progress' : 'tiến độ SDG'}: ${sdgStatusLabel(status, lang)}${r}`;
}

/** A change target is counted in points when the indicator itself is a percentage. */
function changeUnit(unit: string): string {
  return unit.trim() === '%' ? 'điểm %' : unit;
}

/** The goal as the plan states it: a single value, or the range "6,5–7". */
function goalNumber(target: Target, lang: Lang): string | null {
  if (target.low != null && target.high != null) {
    return `${plainNumber(target.low, lang)}–${plainNumber(target.high, lang)}`;
  }
  const v = target.value ?? target.low ?? target.high;
  return v == null ? null : plainNumber(v, lang);
}

/** A goal (or any figure already formatted) followed by its unit, in the page language. */
function withUnit(number: string, unit: string, lang: Lang): string {
  const u = localUnit(unit, lang).trim();
  if (u === '') return number;
  if (lang === 'en' && u.startsWith('%')) return `${number}${u}`;
  return `${number} ${u}`;
}

/** "2021–2023" for the years b+1 … t (a single year when they coincide). */
function elapsedSpan(plan: TargetContext['plan'], year: number): string {
  return formatYearSpan(plan.baselineYear + 1, year);
}

/** "trong giai đoạn 2024–2025" / "trong năm 2025". */
function remainingSpan(from: number, to: number, lang: Lang): string {
  if (lang === 'en') return from === to ? `in ${to}` : `in ${formatYearSpan(from, to)}`;
  return from === to ? `trong năm ${to}` : `trong giai đoạn ${formatYearSpan(from, to)}`;
}

function achievementWords(ev: TargetEvaluation, lang: Lang): string {
  const p = formatPercent(ev.achievementPercent, 1, lang);
  return lang === 'en' ? `${p} of the goal` : `bằng ${p} mục tiêu`;
}

function metWords(ev: TargetEvaluation, lang: Lang): string | null {
  if (ev.met !== true) return null;
  const over = (ev.achievementPercent ?? 0) > 100;
  if (lang === 'en') return over ? 'goal exceeded' : 'goal met';
  return over ? 'đã vượt mục tiêu' : 'đã hoàn thành mục tiêu';
}

/** The evaluation's own reason (already in the requested language); none when it gave no words. */
function reasonWords(reason: string | null | undefined): string | null {
  return reason != null && reason.trim() !== '' ? reason.trim() : null;
}

function finish(head: string, tail: (string | null)[]): string {
  const parts = [head, ...tail.filter((p): p is string => p != null && p !== '')];
  return `${parts.join('; ')}.`;
}

/**
 * One sentence on how a target stands: its figure with the unit ("ước đạt" for an estimate),
 * the percent of the goal, then per kind the growth still required (avg-growth), the pace
 * (cumulative), whether the goal is met, and the rank when given.
 *
 * @example
 * targetSentence({ target, indicator, evaluation, plan, rank: { rank: 4, of: 27, scope: 'province' } }, 'vi')
 * // "Giá trị sản xuất (giá so sánh 2010): tốc độ tăng bình quân giai đoạn 2021–2023 ước đạt
 * //  10,71 %/năm, bằng 71,4 % mục tiêu (15 %/năm); cần tăng bình quân 21,75 %/năm trong giai đoạn
 * //  2024–2025; xếp thứ 4/27 toàn tỉnh."
 */
export function targetSentence(ctx: TargetContext, lang: Lang): string {
  const { target, indicator, evaluation: ev, plan } = ctx;
  const name = target.kind === 'milestone' ? localize(target.text, lang) : localize(indicator.name, lang);
  // Rank and SDG progress close every sentence that has them.
  const closing = [ctx.rank ? rankWords(ctx.rank, lang) : null, sdgWords(ev, lang)].filter((x) => x !== null);
  const rank = closing.length > 0 ? closing.join('; ') : null;
  if (ev.status !== 'ok' || ev.year == null || ev.actual == null) {
    const why = reasonWords(ev.reason);
    const head =
      lang === 'en' ? `${name}: not enough data to evaluate` : `${name}: chưa đủ số liệu để đánh giá`;
    return finish(why ? `${head} (${why})` : head, [rank]);
  }
  const t = ev.year;
  const est = ev.estimate;
  const reached = lang === 'en' ? (est ? 'estimated at' : 'reached') : est ? 'ước đạt' : 'đạt';
  const unit = indicator.unit;
  const goal = goalNumber(target, lang);
  const down = indicator.direction === 'down';
  const value = (x: number | null | undefined) => formatQuantity(x, indicator.decimals, unit, lang);

  switch (target.kind) {
    case 'level': {
      if (down && (ev.goal ?? target.value) === 0) {
        const verdict =
          lang === 'en'
            ? ev.met
              ? 'goal met'
              : 'goal not met'
            : ev.met
              ? 'đạt mục tiêu'
              : 'chưa đạt mục tiêu';
        const head =
          lang === 'en'
            ? `${name} in ${t}: ${value(ev.actual)} (goal: none at all)`
            : `${name} năm ${t}: ${value(ev.actual)} (mục tiêu không để xảy ra)`;
        return finish(head, [verdict, rank]);
      }
      const bound = goal == null ? '' : withUnit(goal, unit, lang);
      const goalText = down ? (lang === 'en' ? `under ${bound}` : `dưới ${bound}`) : bound;
      if (down && ev.met !== true) {
        // A ceiling not met is said as such: A is how close the unit came, and "bằng 89,3 % mục tiêu"
        // would read as nearly reached (docs/methodology.md, numbers and sentences).
        const p = formatPercent(ev.achievementPercent, 1, lang);
        const over =
          lang === 'en'
            ? `${name} in ${t}: ${reached} ${value(ev.actual)}, above the ceiling (${goalText}); achievement ${p}`
            : `${name} năm ${t} ${reached} ${value(ev.actual)}, cao hơn mức trần ${goalText}; mức độ đạt ${p}`;
        return finish(over, [rank]);
      }
      const head =
        lang === 'en'
          ? `${name} in ${t}: ${reached} ${value(ev.actual)}, ${achievementWords(ev, lang)} (${goalText})`
          : `${name} năm ${t} ${reached} ${value(ev.actual)}, ${achievementWords(ev, lang)} (${goalText})`;
      return finish(head, [metWords(ev, lang), rank]);
    }
    case 'avg-growth': {
      const span = elapsedSpan(plan, t);
      const g = ev.observedGrowthPercent ?? ev.actual;
      const rate = formatPercent(Math.abs(g), 2, lang);
      const goalText = withUnit(goal ?? '', '%/năm', lang);
      const rising = g >= 0;
      const head =
        lang === 'en'
          ? `${name}: average ${rising ? 'growth' : 'decline'} over ${span} ${reached} ${rate}/year, ${achievementWords(ev, lang)} (${goalText})`
          : `${name}: tốc độ ${rising ? 'tăng' : 'giảm'} bình quân giai đoạn ${span} ${reached} ${rate}/năm, ${achievementWords(ev, lang)} (${goalText})`;
      return finish(head, [metWords(ev, lang), requiredGrowthWords(ev, t, plan.targetYear, lang), rank]);
    }
    case 'cumulative': {
      const span = elapsedSpan(plan, t);
      const whole = elapsedSpan(plan, plan.targetYear);
      const goalText = goal == null ? '' : withUnit(goal, unit, lang);
      const pace =
        ev.pacePercent == null || t >= plan.targetYear
          ? null
          : lang === 'en'
            ? `${formatPercent(ev.pacePercent, 1, lang)} of the pace required by ${t}`
            : `bằng ${formatPercent(ev.pacePercent, 1, lang)} tiến độ yêu cầu đến năm ${t}`;
      const head =
        lang === 'en'
          ? `${name}, cumulative over ${span}: ${reached} ${value(ev.actual)}, ${achievementWords(ev, lang)} for ${whole} (${goalText})`
          : `${name} lũy kế giai đoạn ${span} ${reached} ${value(ev.actual)}, ${achievementWords(ev, lang)} cả giai đoạn ${whole} (${goalText})`;
      return finish(head, [pace, metWords(ev, lang), rank]);
    }
    case 'annual': {
      const span = elapsedSpan(plan, t);
      const bound = goal == null ? '' : withUnit(goal, unit, lang);
      const goalText = down ? (lang === 'en' ? `under ${bound}` : `dưới ${bound}`) : bound;
      if (down && ev.met !== true) {
        // A ceiling not met is said as such: A is how close the unit came, and "bằng 89,3 % mục tiêu"
        // would read as nearly reached (docs/methodology.md, numbers and sentences).
        const p = formatPercent(ev.achievementPercent, 1, lang);
        const over =
          lang === 'en'
            ? `${name} in ${t}: ${reached} ${value(ev.actual)}, above the ceiling (${goalText}); achievement ${p}`
            : `${name} năm ${t} ${reached} ${value(ev.actual)}, cao hơn mức trần ${goalText}; mức độ đạt ${p}`;
        return finish(over, [rank]);
      }
      const head =
        lang === 'en'
          ? `${name}, yearly average over ${span}: ${reached} ${value(ev.actual)}, ${achievementWords(ev, lang)} (${goalText} a year)`
          : `${name} bình quân mỗi năm giai đoạn ${span} ${reached} ${value(ev.actual)}, ${achievementWords(ev, lang)} (${goalText} mỗi năm)`;
      return finish(head, [metWords(ev, lang), rank]);
    }
    case 'change': {
      const span = elapsedSpan(plan, t);
      const cu = changeUnit(unit);
      const wanted = changeVerb(down, lang);
      const observed = changeVerb(ev.actual >= 0 ? down : !down, lang);
      const amount = formatQuantity(Math.abs(ev.actual), Math.max(indicator.decimals, 1), cu, lang);
      const goalText = `${wanted} ${withUnit(goal ?? '', cu, lang)}${lang === 'en' ? ' a year' : '/năm'}`;
      const head =
        lang === 'en'
          ? `${name}: ${observed} by ${amount} a year on average over ${span}${est ? ' (estimate)' : ''}, ${achievementWords(ev, lang)} (${goalText})`
          : `${name}: bình quân mỗi năm giai đoạn ${span} ${est ? 'ước ' : ''}${observed} ${amount}, ${achievementWords(ev, lang)} (${goalText})`;
      return finish(head, [metWords(ev, lang), rank]);
    }
    case 'milestone': {
      const done = ev.met === true || ev.actual >= 100;
      const state =
        lang === 'en'
          ? done
            ? 'done'
            : `progress ${est ? 'estimated at ' : ''}${formatPercent(ev.actual, 0, lang)}`
          : done
            ? 'đã hoàn thành'
            : `tiến độ ${reached} ${formatPercent(ev.actual, 0, lang)}`;
      return finish(`${name}: ${state}`, [rank]);
    }
  }
}

/** "giảm" / "tăng" (and their English verbs) for a change in the given direction. */
function changeVerb(down: boolean, lang: Lang): string {
  if (lang === 'en') return down ? 'reduced' : 'increased';
  return down ? 'giảm' : 'tăng';
}

function requiredGrowthWords(ev: TargetEvaluation, t: number, T: number, lang: Lang): string | null {
  const req = ev.requiredGrowthPercent;
  if (req == null || t >= T) return null;
  const span = remainingSpan(t + 1, T, lang);
  if (req <= 0) {
    return lang === 'en'
      ? `the goal is reached even without growth ${span}`
      : `không cần tăng thêm ${span} vẫn đạt mục tiêu`;
  }
  const rate = formatPercent(req, 2, lang);
  return lang === 'en' ? `needs ${rate}/year on average ${span}` : `cần tăng bình quân ${rate}/năm ${span}`;
}

/**
 * One sentence on the forecast to the target year: the class in words (GLOSSARY.md) with the
 * projected percent of the goal, then the effort still needed next to what was achieved so far.
 *
 * @example
 * forecastSentence(ctx, 'vi')
 * // "Giá trị sản xuất (giá so sánh 2010): dự báo đến năm 2025 phải nỗ lực, phấn đấu rất cao mới có
 * //  thể hoàn thành (đạt khoảng 85,2 % mục tiêu); cần tăng bình quân 21,75 %/năm trong giai đoạn
 * //  2024–2025 (giai đoạn 2021–2023 đạt 10,71 %/năm)."
 */
export function forecastSentence(ctx: TargetContext, lang: Lang): string {
  const { target, indicator, evaluation: ev, plan } = ctx;
  const name = target.kind === 'milestone' ? localize(target.text, lang) : localize(indicator.name, lang);
  const T = plan.targetYear;
  const f = ev.forecast;
  if (f.class === 'insufficient-data') {
    const why = reasonWords(f.reason);
    const head =
      lang === 'en'
        ? `${name}: not enough data to forecast completion by ${T}`
        : `${name}: chưa đủ số liệu để dự báo khả năng hoàn thành đến năm ${T}`;
    return finish(why ? `${head} (${why})` : head, []);
  }
  if (ev.year != null && ev.year >= T && target.kind !== 'milestone') {
    // At the target year the "forecast" is the result itself: say what happened, not what may.
    const p = formatPercent(f.achievementPercent, 1, lang);
    return lang === 'en'
      ? `${name}: over the term, ${TERM_RESULT.en[f.class]} (${p} of the goal).`
      : `${name}: kết quả cả nhiệm kỳ ${TERM_RESULT.vi[f.class]} (đạt ${p} mục tiêu).`;
  }
  const words = forecastClassLabel(f.class, lang);
  const basis =
    target.kind === 'milestone'
      ? lang === 'en'
        ? "by the unit's own assessment"
        : 'theo đánh giá của đơn vị'
      : f.achievementPercent == null
        ? null
        : lang === 'en'
          ? `about ${formatPercent(f.achievementPercent, 1, lang)} of the goal`
          : `đạt khoảng ${formatPercent(f.achievementPercent, 1, lang)} mục tiêu`;
  const head =
    lang === 'en'
      ? `${name}: forecast to ${T}, ${words}${basis ? ` (${basis})` : ''}`
      : `${name}: dự báo đến năm ${T} ${words}${basis ? ` (${basis})` : ''}`;
  return finish(head, [effortWords(ctx, f.effort ?? null, lang)]);
}

/** A forecast class once the target year is reached (P = A): the outcome, in the past. */
const TERM_RESULT: Record<Lang, Record<'exceed' | 'complete' | 'at-risk', string>> = {
  vi: { exceed: 'vượt kế hoạch', complete: 'hoàn thành kế hoạch', 'at-risk': 'không hoàn thành kế hoạch' },
  en: { exceed: 'exceeded the plan', complete: 'completed the plan', 'at-risk': 'did not complete the plan' },
};

/** The effort still needed, in plain terms, next to what was achieved per year so far. */
function effortWords(ctx: TargetContext, effort: Effort | null, lang: Lang): string | null {
  if (!effort || effort.kind === 'none' || effort.remainingYears <= 0 || effort.requiredPerYear == null)
    return null;
  const { indicator, plan, evaluation: ev } = ctx;
  const en = lang === 'en';
  const T = plan.targetYear;
  const span = remainingSpan(T - effort.remainingYears + 1, T, lang);
  const elapsed = elapsedSpan(plan, ev.year ?? T - effort.remainingYears);
  const d = indicator.direction === 'down' ? -1 : 1;
  const req = effort.requiredPerYear;
  const achieved = effort.achievedPerYear;
  const hold = en
    ? `holding the current pace is enough ${span}`
    : `chỉ cần giữ vững kết quả hiện nay ${span}`;
  const q = (x: number, unit = indicator.unit, decimals = indicator.decimals) =>
    formatQuantity(x, decimals, unit, lang);
  const perYear = en ? ' a year' : ' mỗi năm';
  const soFar = (x: string | null) =>
    x == null ? '' : en ? ` (${x} a year so far)` : ` (đến nay bình quân ${x} mỗi năm)`;
  switch (effort.kind) {
    case 'growth': {
      if (req <= 0) return hold;
      const rate = (x: number) => `${formatPercent(x, 2, lang)}${en ? '/year' : '/năm'}`;
      const so =
        achieved == null
          ? ''
          : en
            ? ` (${rate(achieved)} in ${elapsed})`
            : ` (giai đoạn ${elapsed} đạt ${rate(achieved)})`;
      return en
        ? `needs ${rate(req)} on average ${span}${so}`
        : `cần tăng bình quân ${rate(req)} ${span}${so}`;
    }
    case 'change': {
      if (req <= 0) return hold;
      const cu = changeUnit(indicator.unit);
      const dec = Math.max(indicator.decimals, 1);
      const verb = changeVerb(d < 0, lang);
      const so = soFar(achieved == null ? null : q(achieved, cu, dec));
      return en
        ? `needs to be ${verb} by ${q(req, cu, dec)} a year on average ${span}${so}`
        : `cần ${verb} bình quân ${q(req, cu, dec)}/năm ${span}${so}`;
    }
    case 'remaining-total': {
      if (req <= 0)
        return en ? 'the total for the term is already reached' : 'đã đạt tổng mục tiêu cả giai đoạn';
      const so = soFar(achieved == null ? null : q(achieved));
      return en
        ? `needs ${q(req)} a year on average ${span}${so}`
        : `cần thực hiện bình quân ${q(req)} mỗi năm ${span}${so}`;
    }
    case 'annual': {
      if (d > 0 && req <= 0) return hold;
      const so = soFar(achieved == null ? null : q(achieved));
      if (d < 0) {
        return en
          ? `the remaining years must average at most ${q(Math.max(req, 0))}${perYear} ${span}${so}`
          : `các năm còn lại cần giữ bình quân không quá ${q(Math.max(req, 0))}${perYear} ${span}${so}`;
      }
      return en
        ? `the remaining years must average ${q(req)}${perYear} ${span}${so}`
        : `các năm còn lại cần đạt bình quân ${q(req)}${perYear} ${span}${so}`;
    }
    case 'level': {
      if (d * req <= 0) return hold;
      // A level of a percentage moves in percentage points.
      const q = (x: number) =>
        formatQuantity(x, Math.max(indicator.decimals, 1), changeUnit(indicator.unit), lang);
      const moved = (x: number) =>
        en
          ? `${x >= 0 ? 'rose' : 'fell'} by ${q(Math.abs(x))}`
          : `${x >= 0 ? 'tăng' : 'giảm'} bình quân ${q(Math.abs(x))}`;
      const so =
        achieved == null
          ? ''
          : en
            ? ` (${moved(achieved)}${perYear} so far)`
            : ` (đến nay ${moved(achieved)}${perYear})`;
      return en
        ? `needs to ${req > 0 ? 'rise' : 'fall'} by ${q(Math.abs(req))}${perYear} ${span}${so}`
        : `cần ${req > 0 ? 'tăng' : 'giảm'} thêm bình quân ${q(Math.abs(req))}${perYear} ${span}${so}`;
    }
  }
  return null;
}
