import { createValueSource, evaluatePlan, type PlanData } from '@chitieu/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { demoData } from '../testkit.js';

let data: PlanData;
beforeAll(async () => {
  data = await demoData();
});

async function workbook(planCode: string, lang: 'vi' | 'en' = 'vi') {
  const r = await generateReport({ data, planCode, year: 2023, type: 'midterm', format: 'xlsx', lang });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
  return { r, wb };
}

describe('XLSX appendix', () => {
  it('holds one row per target with the evaluation’s numbers as numbers', async () => {
    const { r, wb } = await workbook('NQ-DH-XV');
    expect(r.fileName).toBe('phu-luc-NQ-DH-XV-2023.xlsx');
    const ws = wb.getWorksheet('Phụ lục');
    if (!ws) throw new Error('sheet "Phụ lục" missing');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getCell('A1').value).toBe('PHỤ LỤC');

    // Find the header row by its first cell.
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'STT' && headerRow === 0) headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const header = (ws.getRow(headerRow).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Mục tiêu']);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col('% đạt')).toBeGreaterThan(0);
    expect(col('Ước TH 2023')).toBeGreaterThan(0);

    const plan = data.plans.find((p) => p.code === 'NQ-DH-XV');
    if (!plan) throw new Error('demo plan missing');
    const values = createValueSource(data);
    const ev = evaluatePlan({ plan, indicators: data.indicators, values, asOf: 2023 });
    const targetRows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > headerRow && /^\d+$/.test(String(row.getCell(1).value ?? ''))) targetRows.push(row);
    });
    expect(targetRows.length).toBe(plan.targets.length);
    targetRows.forEach((row, i) => {
      const te = ev.targets[i];
      if (!te) throw new Error(`no evaluation for row ${i}`);
      const cell = row.getCell(col('% đạt'));
      if (te.achievementPercent == null) expect(cell.value).toBeNull();
      else {
        expect(cell.value).toBe(te.achievementPercent);
        expect(cell.numFmt).toBe('#,##0.0');
      }
    });
    // Gross output 2023: the unrounded figure, shown with the indicator's one decimal.
    const go = targetRows[0]?.getCell(col('Ước TH 2023'));
    expect(go?.value).toBe(values.actual(plan.unit, 'GO', 2023)?.value);
    expect(go?.numFmt).toBe('#,##0.0');
    // Text cells never carry "NaN", "undefined" or "null".
    ws.eachRow((row) =>
      row.eachCell((c) => {
        expect(String(c.value)).not.toMatch(/NaN|undefined|^null$|\[object Object\]|Infinity/);
      }),
    );
  });

  it('is in English when asked', async () => {
    const { r, wb } = await workbook('NQ-HDND-KTXH', 'en');
    expect(r.fileName).toBe('appendix-NQ-HDND-KTXH-2023.xlsx');
    const ws = wb.getWorksheet('Appendix');
    expect(ws?.getCell('A1').value).toBe('APPENDIX');
  });
});
