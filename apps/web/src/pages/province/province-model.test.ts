import {
  bandEdges,
  bandLabel,
  createValueSource,
  type Evaluation,
  evaluatePlan,
  type Ranking,
  rankUnits,
} from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../api/queries-reference';
import type { PlanRow, UnitRow } from '../../api/types';
import { demoData } from '../../testing/demo';
import {
  gridCells,
  gridColumns,
  HEADLINE_COUNT,
  headlineIndicators,
  provinceRows,
  shortBandLabel,
} from './province-model';

describe('the province view of Tỉnh Nam Sơn (50) over the demo', () => {
  let children: UnitRow[];
  let plans: PlanRow[];
  let evaluations: Map<string, Evaluation>;
  let indicators: Map<string, IndicatorRow>;
  let rankings: Map<string, Ranking>;
  beforeAll(async () => {
    const { data } = await demoData();
    children = data.units
      .filter((u) => u.parent === '50')
      .map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parent ?? null }));
    // The plans as GET /api/plans lists them.
    plans = data.plans.map((p) => ({
      code: p.code,
      title: p.title,
      unit: p.unit,
      kind: p.kind,
      issuer: p.issuer ?? null,
      baselineYear: p.baselineYear,
      targetYear: p.targetYear,
      methodology: p.methodology ?? 'chitieu',
      bands: p.bands ?? null,
      bandLabels: p.bandLabels ?? null,
      forecast: null,
      visibility: 'public',
    }));
    const values = createValueSource(data);
    evaluations = new Map(
      data.plans.map((plan) => [
        plan.code,
        evaluatePlan({ plan, indicators: data.indicators, values, asOf: 2023, lang: 'vi' }),
      ]),
    );
    indicators = new Map(
      data.indicators.map((i) => [
        i.code,
        {
          code: i.code,
          name: i.name,
          unit: i.unit ?? '',
          direction: i.direction ?? 'up',
          decimals: i.decimals ?? 1,
        },
      ]),
    );
    rankings = new Map(
      ['GO', 'THU_NS'].map((indicator) => [
        indicator,
        rankUnits({ data, values, indicator, year: 2023, by: 'value', parent: '50' }),
      ]),
    );
  });
  const rows = () => provinceRows({ children, plans, evaluations, rankings, indicators, lang: 'vi' });

  it('has a row per plan of each child, and a row for each child without one, in unit order', () => {
    const r = rows();
    const anPhu = r.filter((x) => x.unit === '502');
    expect(anPhu.map((x) => x.plan?.code)).toEqual(['NQ-DH-XV', 'NQ-HDND-KTXH']);
    expect(r.filter((x) => x.plan == null).map((x) => x.unit)).toEqual(
      children.map((c) => c.code).filter((c) => c !== '502'),
    );
    expect(r.length).toBe(children.length + 1);
    expect(r.map((x) => x.unit)).toEqual(
      children.flatMap((c) => (c.code === '502' ? ['502', '502'] : [c.code])),
    );
  });

  it("takes bands, met and forecast groups from each plan's own evaluation", () => {
    for (const row of rows().filter((x) => x.plan)) {
      const ev = evaluations.get(row.plan?.code ?? '') as Evaluation;
      expect(row.total).toBe(ev.summary.total);
      expect(row.met).toBe(ev.summary.met);
      expect(row.bands.map((b) => b.count)).toEqual(ev.summary.bands.map((b) => b.count));
      expect(row.forecast).toEqual({
        exceed: ev.summary.forecast.exceed,
        complete: ev.summary.forecast.complete,
        atRisk: ev.summary.forecast.atRisk,
        insufficient: ev.summary.forecast.insufficientData,
      });
      expect(row.metShare).toBeCloseTo(ev.summary.met / ev.summary.total, 10);
      expect(row.dataYear).toBe(2023);
    }
  });

  it("gives every child its rank from the API's ranking, also children without a plan", () => {
    const r = rows();
    const go = rankings.get('GO') as Ranking;
    for (const row of r) {
      const expected = go.rows.find((x) => x.unit === row.unit);
      expect(row.ranks.GO).toEqual(expected ? { rank: expected.rank, of: expected.of, tied: false } : null);
    }
    expect(r.find((x) => x.unit === '502')?.ranks.GO).toEqual({ rank: 4, of: 13, tied: false });
  });

  it('builds the grid: the most shared (indicator, kind) first, a cell per plan with its band and %', () => {
    const columns = gridColumns(evaluations.values(), indicators, 'vi', (k) => `[${k}]`);
    const keys = columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const shared = columns.filter((c) => c.plans === 2);
    expect(shared.length).toBeGreaterThan(0);
    expect(columns.slice(0, shared.length).every((c) => c.plans === 2)).toBe(true);
    const go = columns.find((c) => c.indicator === 'GO');
    expect(go?.label).toContain('Giá trị sản xuất');
    // Every target of every plan lands in exactly one cell of its plan's row.
    for (const row of rows().filter((x) => x.plan)) {
      const cells = gridCells(row, columns, 'vi');
      const filled = Object.values(cells).filter((c) => c != null);
      const ev = row.evaluation as Evaluation;
      const distinct = new Set(ev.targets.map((t) => `${t.indicator}|${t.kind}`));
      expect(filled.length).toBe(distinct.size);
      for (const cell of filled) {
        const te = ev.targets.find((t) => t.code === cell?.target);
        expect(cell?.band).toBe(te?.band);
        expect(cell?.achievementPercent).toBe(te?.achievementPercent);
        // The plan's own words for its bands (NQ-HDND-KTXH names them: "Đạt trung bình" …).
        if (cell?.band != null) {
          expect(cell.bandLabel).toBe(
            bandLabel(cell.band, bandEdges(row.plan?.bands), 'vi', row.plan?.bandLabels),
          );
          expect(cell.bandLabel).not.toBe('');
        }
      }
    }
  });

  it('ranks on at most a handful of headline indicators, never a milestone, each once', () => {
    const columns = gridColumns(evaluations.values(), indicators, 'vi', (k) => k);
    const headline = headlineIndicators(columns);
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_COUNT);
    expect(new Set(headline).size).toBe(headline.length);
    for (const code of headline) {
      expect(columns.some((c) => c.indicator === code && c.kind !== 'milestone')).toBe(true);
    }
  });

  it('names bands briefly from their edges', () => {
    expect(shortBandLabel(0, [80, 50], 'vi')).toBe('≥ 80 %');
    expect(shortBandLabel(1, [80, 50], 'vi')).toBe('50–80 %');
    expect(shortBandLabel(2, [80, 50], 'en')).toBe('< 50%');
    expect(shortBandLabel(0, [], 'vi')).toBe('—');
  });
});
