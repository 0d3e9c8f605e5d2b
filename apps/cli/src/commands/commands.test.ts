import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createValueSource, evaluatePlan, rankUnits } from '@chitieu/core';
import { readPlanFile } from '@chitieu/plan-file';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../output/io.js';
import { runEvaluate } from './evaluate.js';
import { runRank } from './rank.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));

/** Collects what a command prints. */
function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += `${text}\n`;
    },
    err(text: string) {
      io.stderr += `${text}\n`;
    },
  };
  return io;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
});

function tempFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SMALL = `format: chitieu.plan/1
units:
  - { code: "1", name: "Tỉnh Nam Sơn", level: province }
  - { code: "11", name: "Thị xã An Phú", level: district, parent: "1" }
indicators:
  - { code: GO, name: { vi: "Giá trị sản xuất", en: "Gross output" }, unit: "tỷ đồng", direction: up, decimals: 1, trend: compound, aggregation: sum }
plans:
  - code: P
    title: { vi: "Kế hoạch thử", en: "Test plan" }
    unit: "11"
    kind: other
    baselineYear: 2020
    targetYear: 2025
    methodology: chitieu
    targets:
      - { code: "1", group: "Kinh tế", text: { vi: "Tăng bình quân 15 %/năm", en: "Grow 15% a year" }, indicator: GO, kind: avg-growth, value: 15, input: levels }
values:
  - { indicator: GO, unit: "11", year: 2020, value: 14000 }
  - { indicator: GO, unit: "11", year: 2023, value: 18997.6, status: estimate }
`;

describe('chitieu evaluate', () => {
  it('--json prints exactly what evaluatePlan returns', async () => {
    const io = capture();
    expect(await runEvaluate(DEMO, { plan: 'NQ-DH-XV', year: '2023', json: true }, io)).toBe(0);
    const read = await readPlanFile(DEMO, { lang: 'vi' });
    if (!read.ok) throw new Error('demo file is invalid');
    const plan = read.data.plans.find((p) => p.code === 'NQ-DH-XV');
    if (!plan) throw new Error('demo plan missing');
    const expected = evaluatePlan({
      plan,
      indicators: read.data.indicators,
      values: createValueSource(read.data),
      asOf: 2023,
      lang: 'vi',
    });
    expect(JSON.parse(io.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(io.stdout).not.toMatch(/NaN|Infinity|undefined|\[object Object\]/);
  });

  it('prints a readable Vietnamese table with the summary and forecast sentences', async () => {
    const io = capture();
    expect(await runEvaluate(tempFile('small.yaml', SMALL), { plan: 'P', year: '2023' }, io)).toBe(0);
    const out = io.stdout;
    expect(out).toContain('Kế hoạch thử\nĐơn vị: Thị xã An Phú — đánh giá đến năm 2023');
    expect(out).toContain('▸ Kinh tế');
    // g_obs = (18997.6 / 14000)^(1/3) − 1 = 10,71 %, A = 71,4 % (docs/methodology.md's example).
    expect(out).toMatch(
      / 1 {2}Tăng bình quân 15 %\/năm {2}%\/năm +15 {2}2023 +10,71 \(ư\) +71,4 % {2}cần nỗ lực rất cao\n/,
    );
    expect(out).toContain(
      '1 chỉ tiêu: 1 chỉ tiêu đạt từ 50 % đến dưới 80 %. Chưa có chỉ tiêu nào đạt mục tiêu.',
    );
    expect(out).toContain('Dự báo đến năm 2025:');
  });

  it('speaks English with --lang en', async () => {
    const io = capture();
    expect(
      await runEvaluate(tempFile('small-en.yaml', SMALL), { plan: 'P', year: '2023', lang: 'en' }, io),
    ).toBe(0);
    expect(io.stdout).toContain('Test plan\nUnit: Thị xã An Phú — evaluated as of 2023');
    expect(io.stdout).toMatch(
      / 1 {2}Grow 15% a year {2}%\/year +15 {2}2023 +10\.71 \(e\) +71\.4% {2}at risk\n/,
    );
    expect(io.stdout).toContain('1 target: 1 at 50% to under 80%. No target met yet.');
  });

  it('shows SDG progress for sdg-progress plans', async () => {
    const sdg = SMALL.replace('methodology: chitieu', 'methodology: sdg-progress').replace(
      'kind: avg-growth, value: 15, input: levels',
      'kind: level, value: 20000',
    );
    const io = capture();
    expect(await runEvaluate(tempFile('sdg.yaml', sdg), { plan: 'P', year: '2023' }, io)).toBe(0);
    // CAGR_obs = (18997,6/14000)^(1/3) − 1 = 10,71 %; CAGR_req = (20000/14000)^(1/5) − 1 = 7,39 %; R = 1,45.
    expect(io.stdout).toMatch(/Tiến độ SDG\n/);
    expect(io.stdout).toMatch(/ 1 {2}Tăng bình quân 15 %\/năm .* tiến bộ đáng kể\n/);
  });

  it('--all --json prints an array with every plan', async () => {
    const io = capture();
    expect(await runEvaluate(DEMO, { all: true, year: '2023', json: true }, io)).toBe(0);
    const all = JSON.parse(io.stdout) as { plan: string; summary: { total: number } }[];
    expect(all.map((e) => [e.plan, e.summary.total])).toEqual([
      ['NQ-DH-XV', 30],
      ['NQ-HDND-KTXH', 10],
    ]);
  });

  it('evaluates the whole demo without a missing number leaking into the table', async () => {
    for (const lang of ['vi', 'en']) {
      const io = capture();
      expect(await runEvaluate(DEMO, { all: true, year: '2023', lang }, io)).toBe(0);
      expect(io.stdout).not.toMatch(/NaN|Infinity|undefined|null|\[object Object\]/);
    }
  });

  it('summarises the demo resolution as docs/methodology.md says', async () => {
    const io = capture();
    expect(await runEvaluate(DEMO, { plan: 'NQ-DH-XV', year: '2023' }, io)).toBe(0);
    expect(io.stdout).toContain(
      '30 chỉ tiêu: 22 chỉ tiêu đạt từ 80 % trở lên, 5 chỉ tiêu đạt từ 50 % đến dưới 80 %, 2 chỉ tiêu dưới 50 %. Có 8 chỉ tiêu đã đạt hoặc vượt mục tiêu. 1 chỉ tiêu chưa đủ số liệu để đánh giá.',
    );
    expect(io.stdout).toContain(
      '  8. Kim ngạch xuất khẩu hàng hóa tăng bình quân 12 %/năm: không có số liệu năm gốc 2020',
    );
    const en = capture();
    expect(await runEvaluate(DEMO, { plan: 'NQ-DH-XV', year: '2023', lang: 'en' }, en)).toBe(0);
    expect(en.stdout).toContain(
      '30 targets: 22 at 80% or more, 5 at 50% to under 80%, 2 under 50%. 8 targets met or exceeded. 1 target lacks the data to be evaluated.',
    );
    expect(en.stdout).toContain('▸ Defence and security');
  });

  it('an invalid file prints every problem with its path and exits 2', async () => {
    const bad = SMALL.replace('kind: avg-growth', 'kind: avg-grwoth').replace(
      'indicator: GO, unit: "11", year: 2023',
      'indicator: GDP, unit: "11", year: 2023',
    );
    const io = capture();
    expect(await runEvaluate(tempFile('bad.yaml', bad), { plan: 'P', year: '2023' }, io)).toBe(2);
    expect(io.stdout).toBe('');
    const lines = io.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/không hợp lệ \(\d+ lỗi\):$/);
    expect(io.stderr).toMatch(/plans\[0\]\.targets\[0\]\.kind: /);
    expect(io.stderr).toMatch(/values\[1\]\.indicator: /);
  });

  it('a missing file, an unknown plan or a bad year exits 2 with a clear message', async () => {
    let io = capture();
    expect(await runEvaluate(join(dir, 'none.yaml'), { plan: 'P', year: '2023' }, io)).toBe(2);
    expect(io.stderr).not.toBe('');
    io = capture();
    expect(await runEvaluate(DEMO, { plan: 'NQ-XYZ', year: '2023' }, io)).toBe(2);
    expect(io.stderr).toBe('Không có kế hoạch mã "NQ-XYZ" trong tệp. Các mã có: NQ-DH-XV, NQ-HDND-KTXH.\n');
    io = capture();
    expect(await runEvaluate(DEMO, { plan: 'NQ-DH-XV', year: '20x3', lang: 'en' }, io)).toBe(2);
    expect(io.stderr).toBe('Not a valid year: "20x3" (a whole number is needed, e.g. 2023).\n');
    io = capture();
    expect(await runEvaluate(DEMO, { year: '2023' }, io)).toBe(2);
  });
});

describe('chitieu rank', () => {
  it('--json prints exactly what rankUnits returns', async () => {
    const io = capture();
    expect(
      await runRank(DEMO, { indicator: 'GO', year: '2023', by: 'value', parent: '50', json: true }, io),
    ).toBe(0);
    const read = await readPlanFile(DEMO);
    if (!read.ok) throw new Error('demo file is invalid');
    const expected = rankUnits({
      data: read.data,
      values: createValueSource(read.data),
      indicator: 'GO',
      year: 2023,
      by: 'value',
      parent: '50',
    });
    const got = JSON.parse(io.stdout);
    expect(got).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(got.rows.find((r: { unit: string }) => r.unit === '502')).toEqual({
      unit: '502',
      value: 18997.6,
      rank: 4,
      of: 13,
    });
  });

  it('prints a table with "n/N" ranks and names the unranked units', async () => {
    const io = capture();
    expect(await runRank(DEMO, { indicator: 'GO', year: '2023', by: 'growth', parent: '50' }, io)).toBe(0);
    expect(io.stdout).toContain(
      'Xếp hạng tốc độ tăng bình quân Giá trị sản xuất (giá so sánh 2010) giai đoạn 2021–2023 — Tỉnh Nam Sơn',
    );
    expect(io.stdout).toMatch(/1\/13 {2}Huyện Tân Lập {2,}12,60 %\/năm/);
    expect(io.stdout).toContain('Chưa xếp hạng (thiếu số liệu): Huyện Cẩm Vân.');
    const en = capture();
    expect(await runRank(DEMO, { indicator: 'TNBQ', year: '2023', parent: '50', lang: 'en' }, en)).toBe(0);
    expect(en.stdout).toContain('Value (million VND per person)');
    expect(en.stdout).toMatch(/1\/13 {2}Thành phố Nam Sơn {2,}78\.4\n/);
    expect(en.stdout).toContain('Not ranked (missing figures): Huyện Ngọc Lâm.');
  });

  it('an unknown indicator or parent exits 2', async () => {
    let io = capture();
    expect(await runRank(DEMO, { indicator: 'XYZ', year: '2023' }, io)).toBe(2);
    expect(io.stderr).toBe('Không có chỉ tiêu thống kê mã "XYZ" trong tệp.\n');
    io = capture();
    expect(await runRank(DEMO, { indicator: 'GO', year: '2023', parent: '99' }, io)).toBe(2);
    io = capture();
    expect(await runRank(DEMO, { indicator: 'GO', year: '2023', by: 'size' }, io)).toBe(2);
  });
});
