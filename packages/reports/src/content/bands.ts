import {
  type BandCount,
  bandLabel as coreBandLabel,
  formatPercent,
  type Lang,
  localize,
  type Plan,
} from '@chitieu/core';
import { t } from '../i18n.js';

/**
 * A band's name. `long` is core's wording with a capital ("Đạt từ 80 % trở lên") for charts;
 * `short` fits a table column ("≥ 80 %", "50 % – < 80 %", "< 50 %"). A plan's own label wins.
 *
 * @example bandLabel([{ minPercent: 80, count: 3 }, { minPercent: 50, count: 1 }, { minPercent: null, count: 0 }], 1, plan, 'vi', 'short')
 * // "50 % – < 80 %"
 */
export function bandLabel(
  bands: readonly BandCount[],
  index: number,
  plan: Pick<Plan, 'bandLabels'>,
  lang: Lang,
  form: 'long' | 'short',
): string {
  const own = plan.bandLabels?.[index];
  if (own) return localize(own, lang);
  const edges = bands.flatMap((b) => (b.minPercent != null ? [b.minPercent] : []));
  if (form === 'long') {
    const words = coreBandLabel(index, edges, lang);
    return words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
  }
  const low = bands[index]?.minPercent;
  const high = index > 0 ? bands[index - 1]?.minPercent : null;
  const pct = (x: number) => formatPercent(x, 0, lang);
  if (low != null && high != null) return t(lang, 'bandShort.mid', { low: pct(low), high: pct(high) });
  if (low != null) return t(lang, 'bandShort.top', { low: pct(low) });
  return high != null ? t(lang, 'bandShort.bottom', { high: pct(high) }) : t(lang, 'band.none');
}
