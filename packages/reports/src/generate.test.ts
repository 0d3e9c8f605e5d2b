import type { PlanData } from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport, rankingsFor } from './generate.js';
import { demoData } from './testkit.js';
import { ReportInputError } from './types.js';

let data: PlanData;
beforeAll(async () => {
  data = await demoData();
});

describe('generateReport input', () => {
  it('says which plans exist when the code is unknown', async () => {
    const run = generateReport({ data, planCode: 'NQ-X', year: 2023, type: 'midterm', format: 'docx' });
    await expect(run).rejects.toBeInstanceOf(ReportInputError);
    await expect(run).rejects.toThrow('Không có kế hoạch "NQ-X" trong dữ liệu (có: NQ-DH-XV, NQ-HDND-KTXH).');
  });

  it('refuses a year outside the term, in the requested language', async () => {
    await expect(
      generateReport({ data, planCode: 'NQ-DH-XV', year: 2020, type: 'midterm', format: 'docx', lang: 'en' }),
    ).rejects.toThrow('Year 2020 is outside the term of plan NQ-DH-XV (2021–2025).');
  });

  it('refuses an unknown format or type', async () => {
    const bad = { data, planCode: 'NQ-DH-XV', year: 2023 };
    await expect(generateReport({ ...bad, type: 'midterm', format: 'odt' as 'docx' })).rejects.toThrow(
      ReportInputError,
    );
    await expect(generateReport({ ...bad, type: 'weekly' as 'annual', format: 'docx' })).rejects.toThrow(
      ReportInputError,
    );
  });
});

describe('rankings for the report', () => {
  it('ranks growth targets by average growth and others by value, among the 13 sibling towns', async () => {
    const plan = data.plans.find((p) => p.code === 'NQ-DH-XV');
    if (!plan) throw new Error('demo plan missing');
    const { createValueSource } = await import('@chitieu/core');
    const r = rankingsFor(data, plan, createValueSource(data), 2023);
    expect(r.get('1')?.by).toBe('growth');
    expect(r.get('1')?.since).toBe(2020);
    expect(r.get('4')?.by).toBe('value');
    for (const ranking of r.values()) expect(ranking.rows[0]?.of).toBe(13);
    // Milestones are never ranked.
    const milestones = plan.targets.filter((t) => t.kind === 'milestone').map((t) => t.code);
    for (const code of milestones) expect(r.has(code)).toBe(false);
  });
});
