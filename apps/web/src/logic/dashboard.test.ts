import { createValueSource, evaluatePlan } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '../testing/demo';
import { dashboardModel, latestDataYear, reviewDate } from './dashboard';
import { defaultYear, indicatorMap } from './plan-data';

describe('the dashboard model of the demo plan', () => {
  let world: Awaited<ReturnType<typeof demoData>>;
  beforeAll(async () => {
    world = await demoData();
  });
  const modelAt = (asOf: number, lang: 'vi' | 'en' = 'vi', today = '2026-12-01') => {
    const { data, plan } = world;
    const ev = evaluatePlan({
      plan,
      indicators: data.indicators,
      values: createValueSource(data),
      asOf,
      lang,
    });
    return { ev, model: dashboardModel(ev, plan, indicatorMap(data), lang, today) };
  };

  it('opens on the latest year with actual figures (2023: estimates; 2024–2025 hold plan figures only)', () => {
    expect(defaultYear(world.data, world.plan)).toBe(2023);
  });

  it('counts per band, met, forecast groups exactly as the evaluation summary', () => {
    const { ev, model } = modelAt(2023);
    expect(model.bands.map((b) => b.count)).toEqual(ev.summary.bands.map((b) => b.count));
    expect(model.bands.map((b) => b.label)).toEqual([
      'đạt từ 80 % trở lên',
      'đạt từ 50 % đến dưới 80 %',
      'dưới 50 %',
    ]);
    expect(model.total).toBe(ev.summary.total);
    expect(model.met).toBe(ev.summary.met);
    expect(model.forecast).toEqual({
      exceed: ev.summary.forecast.exceed,
      complete: ev.summary.forecast.complete,
      atRisk: ev.summary.forecast.atRisk,
      insufficient: ev.summary.forecast.insufficientData,
    });
    expect(model.bands.reduce((s, b) => s + b.count, 0) + model.insufficient).toBe(model.total);
  });

  it('lists every at-risk target, in plan order, with the pace it still needs', () => {
    const { ev, model } = modelAt(2023);
    const atRisk = ev.targets.filter((t) => t.forecast.class === 'at-risk').map((t) => t.code);
    expect(model.atRisk.map((r) => r.code)).toEqual(atRisk);
    const first = model.atRisk.find((r) => r.code === '1');
    expect(first?.sentence).toContain('cần tăng bình quân 21,75 %/năm trong giai đoạn 2024–2025');
    expect(first?.estimate).toBe(true);
    expect(modelAt(2023, 'en').model.atRisk[0]?.sentence).toMatch(/21\.75%/);
  });

  it('finds the overdue tasks as of the review date, never later than today', () => {
    expect(reviewDate(2023, '2026-12-01')).toBe('2023-12-31');
    expect(reviewDate(2026, '2026-03-05')).toBe('2026-03-05');
    const late = modelAt(2023).model.overdue.map((t) => t.code);
    expect(late).toContain('DP1.2'); // due 2023-06-30, 80 % done
    expect(late).not.toContain('DP1.1'); // due 2024-12-31
    // Seen from mid-2022, the same task is not yet late.
    expect(modelAt(2022, 'vi', '2022-06-01').model.overdue.map((t) => t.code)).not.toContain('DP1.2');
  });

  it('gives each program its tasks done (cancelled ones not counted) and mean progress', () => {
    const dp1 = modelAt(2023).model.programs.find((p) => p.code === 'DP1');
    expect(dp1).toMatchObject({ done: 1, total: 4 });
    expect(dp1?.progress).toBeCloseTo((65 + 80 + 100 + 40) / 4, 6);
  });

  it('names the latest year the figures come from', () => {
    expect(latestDataYear(modelAt(2025).ev)).toBe(2023);
  });
});
