import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticNationalData } from '../../core/src/values/synthetic.js';
import { parsePlanFile, readPlanFile, serializePlanFile } from './parse.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const bimSon = readFileSync(fixture('bim-son.yaml'), 'utf8');

function ok(text: string) {
  const r = parsePlanFile(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.data;
}
function problems(text: string, lang: 'vi' | 'en' = 'vi') {
  const r = parsePlanFile(text, { lang });
  if (r.ok) throw new Error('expected problems');
  expect(r).not.toHaveProperty('data');
  return r.problems.map((p) => [p.path, p.message]);
}

describe('a valid plan file', () => {
  const data = ok(bimSon);

  it('keeps codes as written, also unquoted ones ("01" stays "01")', () => {
    expect(data.units.map((u) => [u.code, u.parent])).toEqual([
      ['38', null],
      ['381', '38'],
      ['01', '381'],
    ]);
    expect(data.plans[0]?.targets[2]?.code).toBe('3');
    expect(data.plans[0]?.programs?.[0]?.targets).toEqual(['3']);
  });

  it('applies the defaults: decimals, trend and bounds by unit of measure, aggregation none', () => {
    const byCode = Object.fromEntries(data.indicators.map((i) => [i.code, i]));
    expect(byCode.IC).toMatchObject({
      decimals: 1,
      trend: 'compound',
      bounds: null,
      name: { vi: 'Giá trị sản xuất công nghiệp' },
    });
    expect(byCode.SHARE_IC).toMatchObject({
      decimals: 2,
      trend: 'linear',
      bounds: [0, 100],
      aggregation: 'ratio',
    });
    expect(byCode.POOR).toMatchObject({ aggregation: 'none', decimals: 2 });
    expect(byCode.POP).toMatchObject({ decimals: 0 });
    expect(byCode.INC).toMatchObject({ decimals: 1, trend: 'compound', weight: 'POP' });
    expect(byCode.GO).toMatchObject({ decimals: 1, bounds: [0, null] });
  });

  it('fills plan, target and value defaults and keeps the allowed extras', () => {
    const plan = data.plans[0];
    expect(plan).toMatchObject({ methodology: 'chitieu', kind: 'party-resolution', bands: [80, 50] });
    expect(plan?.targets[0]).toMatchObject({ input: 'levels', lead: 'Phòng Tài chính - Kế hoạch' });
    expect(plan?.targets[1]).not.toHaveProperty('input');
    expect(plan?.programs?.[0]?.tasks?.[0]).toMatchObject({
      due: '2024-12-31',
      coAgencies: ['Ban QLDA'],
      progress: 60,
    });
    expect(data.values[0]).toEqual({
      indicator: 'GO',
      unit: '381',
      year: 2020,
      value: 13950,
      status: 'official',
      source: 'Chi cục Thống kê',
    });
    expect(data.values[4]).toMatchObject({ period: '9M', status: 'estimate' });
  });

  it('reads back what it writes, as JSON and as YAML', () => {
    const json = serializePlanFile(data, 'json');
    const yaml = serializePlanFile(data, 'yaml');
    expect(ok(json)).toEqual(data);
    expect(ok(yaml)).toEqual(data);
    expect(yaml.split('\n')[0]).toBe('format: chitieu.plan/1');
    expect(yaml).toContain('- { code: "01", name: Phường Ba Đình, level: commune, parent: "381" }');
  });

  it('reads a file from disk, with a byte-order mark', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chitieu-plan-'));
    const path = join(dir, 'plan.json');
    await writeFile(path, `\uFEFF${serializePlanFile(data, 'json')}`);
    const r = await readPlanFile(path);
    expect(r.ok && r.data).toEqual(data);
    const missing = await readPlanFile(join(dir, 'nope.yaml'), { lang: 'en' });
    expect(missing).toMatchObject({
      ok: false,
      problems: [{ path: '', message: `Cannot read the file ${join(dir, 'nope.yaml')}: no such file.` }],
    });
  });
});

describe('problems', () => {
  it('reports every problem of a file at once, each with its path, top to bottom', () => {
    const r = parsePlanFile(readFileSync(fixture('many-problems.yaml'), 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      ['units[1].code', 'Mã đơn vị "38" bị trùng (đã dùng ở units[0]).'],
      ['units[2].parent', 'Không có đơn vị mã "99" trong units.'],
      ['units[3].parent', 'Quan hệ cấp trên tạo vòng lặp: 382 → 383 → 382.'],
      ['indicators[1].code', 'Mã chỉ tiêu thống kê "GO" bị trùng (đã dùng ở indicators[0]).'],
      ['indicators[1].direction', 'Giá trị "sideways" không hợp lệ; chỉ được dùng: up, down.'],
      [
        'indicators[2].weight',
        'Chỉ tiêu tổng hợp bình quân gia quyền (weighted-mean) cần mã chỉ tiêu quyền số ở trường weight.',
      ],
      [
        'indicators[4].formula',
        'Lỗi trong công thức: công thức kết thúc đột ngột: thiếu một số hoặc mã chỉ tiêu ở cuối.',
      ],
      ['indicators[5].formula', 'Công thức dùng mã chỉ tiêu không có trong indicators: "NOPE".'],
      ['indicators[5].formula', 'Công thức phụ thuộc vòng tròn: C → D → C.'],
      [
        'indicators[7].formula',
        'Chỉ tiêu tổng hợp theo tỷ số (ratio) cần công thức (ví dụ "IC / GO * 100").',
      ],
      ['indicators[7].bounds', 'Giới hạn dưới (10) lớn hơn giới hạn trên (0).'],
      ['plans[0].unit', 'Không có đơn vị mã "380" trong units.'],
      ['plans[0].targetYear', 'Phải là số nguyên, nhưng đang là số 2020.5.'],
      [
        'plans[0].targets[0].value',
        'Chỉ tiêu loại level cần giá trị mục tiêu: ghi value, hoặc cả low và high.',
      ],
      ['plans[0].targets[0].indicator', 'Không có chỉ tiêu mã "GOX" trong indicators.'],
      ['plans[0].targets[1].code', 'Mã chỉ tiêu kế hoạch "1" bị trùng (đã dùng ở plans[0].targets[0]).'],
      ['plans[0].targets[1].low', 'Cận dưới low (9) lớn hơn cận trên high (8).'],
      ['plans[0].targets[2].value', 'Chỉ ghi value hoặc khoảng low–high, không ghi cả hai.'],
      [
        'plans[0].targets[3].kind',
        'Giá trị "rising" không hợp lệ; chỉ được dùng: level, avg-growth, cumulative, annual, change, milestone.',
      ],
      ['plans[0].programs[0].targets[0]', 'Kế hoạch không có chỉ tiêu kế hoạch mã "9".'],
      ['plans[1].targetYear', 'Năm mục tiêu (2020) phải sau năm gốc (2025).'],
      ['plans[1].bands', 'Các ngưỡng nhóm (bands) phải giảm dần, ngưỡng cao nhất trước.'],
      [
        'values[0].value',
        'Phải là một số, nhưng đang là chuỗi "15.372,0"; viết số với dấu chấm thập phân và không có dấu phân cách hàng nghìn (ví dụ 15372.5).',
      ],
      ['values[2]', 'Số liệu bị trùng: cùng chỉ tiêu, đơn vị, năm, kỳ và trạng thái với values[1].'],
      ['values[3].indicator', 'Không có chỉ tiêu mã "ZZ" trong indicators.'],
      ['values[3].unit', 'Không có đơn vị mã "77" trong units.'],
      ['values[4].year', 'Thiếu trường bắt buộc.'],
      ['values[5].period', 'Kỳ "Q5" không hợp lệ; dùng Q1…Q4, M01…M12, H1, H2, 6M hoặc 9M.'],
    ]);
    expect(r.problems[0]).toMatchObject({ line: 4 });
  });

  it('asks for the format tag when it is missing', () => {
    expect(problems('units: []\n')).toEqual([
      ['format', 'Thiếu trường format: tệp kế hoạch phải bắt đầu bằng "format: chitieu.plan/1".'],
    ]);
  });

  it('speaks English on request', () => {
    expect(problems('format: chitieu.plan/2\n', 'en')).toEqual([
      ['format', 'The format field must be "chitieu.plan/1" (found the text "chitieu.plan/2").'],
    ]);
    expect(
      problems(
        'format: chitieu.plan/1\nindicators:\n  - { code: X, name: X, unit: "%", direction: up, formula: "Y +" }\n',
        'en',
      ),
    ).toEqual([
      [
        'indicators[0].formula',
        'Error in the formula: the formula ends too early: a number or indicator code is missing at the end.',
      ],
    ]);
  });

  it('gives YAML syntax errors with line and column', () => {
    const r = parsePlanFile('format: chitieu.plan/1\nunits:\n  - code: "1"\n    code: "2"\n');
    expect(r).toMatchObject({
      ok: false,
      problems: [
        {
          path: '',
          message: 'Lỗi cú pháp YAML ở dòng 4, cột 5: một trường bị lặp lại trong cùng một đối tượng.',
          line: 4,
          column: 5,
        },
      ],
    });
    const tab = parsePlanFile('format: chitieu.plan/1\nunits: [\n');
    expect(!tab.ok && tab.problems[0]?.message).toMatch(/^Lỗi cú pháp YAML ở dòng \d+, cột \d+: /);
  });

  it('gives JSON syntax errors with line and column, and positions for JSON problems too', () => {
    const r = parsePlanFile('{\n  "format": "chitieu.plan/1",\n  "units": [}\n}');
    expect(!r.ok && r.problems[0]).toMatchObject({ path: '', line: 3, column: 13 });
    expect(!r.ok && r.problems[0]?.message).toMatch(/^Lỗi cú pháp JSON ở dòng 3, cột 13: /);
    const p = parsePlanFile(
      '{\n  "format": "chitieu.plan/1",\n  "units": [\n    {"code": "1", "name": "A"}\n  ]\n}',
    );
    expect(!p.ok && p.problems).toMatchObject([
      { path: 'units[0].level', message: 'Thiếu trường bắt buộc.', line: 4, column: 5 },
    ]);
  });

  it('says what is wrong with an empty file, a list, or a code that is not a whole number', () => {
    expect(problems('  \n')).toEqual([['', 'Tệp trống.']]);
    const named = parsePlanFile('', { fileName: 'ke-hoach.yaml', lang: 'en' });
    expect(!named.ok && named.problems).toMatchObject([
      { path: '', message: 'The file ke-hoach.yaml is empty.' },
    ]);
    expect(parsePlanFile('{format: chitieu.plan/1, units: [{code: 01, name: A, level: x}]}').ok).toBe(true);
    expect(problems('- a\n- b\n')).toEqual([
      ['', 'Nội dung tệp phải là một đối tượng với các trường format, units, indicators, plans, values.'],
    ]);
    expect(
      problems('{"format": "chitieu.plan/1", "units": [{"code": 1.5, "name": "A", "level": "x"}]}'),
    ).toEqual([['units[0].code', 'Mã phải là chuỗi ký tự; hãy đặt 1.5 trong dấu ngoặc kép để giữ nguyên.']]);
  });

  it('says a required field is empty, and refuses .nan and .inf', () => {
    const head =
      'format: chitieu.plan/1\nunits: [{ code: "1", name: A, level: x }]\nindicators: [{ code: X, name: X, unit: "%", direction: up }]\n';
    expect(
      problems(
        `${head}values:\n  - { indicator: X, unit: "1", year: 2021, value: null }\n  - { indicator: X, unit: "1", year: 2022, value: .nan }\n  - { indicator: X, unit: "1", year: 2023, value: -.inf }\n`,
      ),
    ).toEqual([
      ['values[0].value', 'Trường bắt buộc đang để trống.'],
      ['values[1].value', 'Phải là một số hữu hạn (không dùng .nan hay .inf).'],
      ['values[2].value', 'Phải là một số hữu hạn (không dùng .nan hay .inf).'],
    ]);
  });

  it('lets sdg-progress plans and milestones omit the goal, but not half a range', () => {
    const head =
      'format: chitieu.plan/1\nunits: [{ code: "1", name: A, level: x }]\nindicators: [{ code: X, name: X, unit: "%", direction: up }]\n';
    const plan = (methodology: string, target: string) =>
      `${head}plans:\n  - { code: P, title: P, unit: "1", baselineYear: 2020, targetYear: 2025, methodology: ${methodology}, targets: [${target}] }\n`;
    expect(parsePlanFile(plan('sdg-progress', '{ code: "1", text: t, indicator: X, kind: level }')).ok).toBe(
      true,
    );
    expect(parsePlanFile(plan('chitieu', '{ code: "1", text: t, indicator: X, kind: milestone }')).ok).toBe(
      true,
    );
    expect(problems(plan('chitieu', '{ code: "1", text: t, indicator: X, kind: annual, low: 3 }'))).toEqual([
      ['plans[0].targets[0].high', 'Khoảng mục tiêu cần cả low và high; với một giá trị, dùng value.'],
    ]);
    expect(
      problems(plan('chitieu', '{ code: "1", text: t, indicator: X, kind: level, value: 1, input: rates }')),
    ).toEqual([['plans[0].targets[0].input', 'Trường input chỉ dùng cho chỉ tiêu loại avg-growth.']]);
  });
});

describe('a large JSON file with a problem', () => {
  it('names the path without spending the time to find the line', () => {
    const data = syntheticNationalData({ communes: 700, years: [2024] });
    const bad = {
      ...data,
      values: data.values.map((v, i) => (i === 20_000 ? { ...v, unit: 'nowhere' } : v)),
    };
    const text = serializePlanFile(bad, 'json');
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(parsePlanFile(text)).toMatchObject({
      ok: false,
      problems: [{ path: 'values[20000].unit', message: 'Không có đơn vị mã "nowhere" trong units.' }],
    });
    const broken = parsePlanFile(`${text.slice(0, -3)},}`);
    expect(!broken.ok && broken.problems[0]?.message).toMatch(/^Lỗi cú pháp JSON/);
  });
});

describe('a national data set', () => {
  it('validates 4.056 units and 252.396 values and reads back the same', () => {
    // Every commune of the country, 40 indicators, two years (the full five are in the benchmark).
    const national = syntheticNationalData({ years: [2023, 2024] });
    const text = serializePlanFile({ ...national, plans: national.plans }, 'json');
    const r = parsePlanFile(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.data.units).toHaveLength(4056);
    expect(r.data.indicators).toHaveLength(40);
    expect(r.data.values).toHaveLength(252_396);
    expect(r.data.values[12345]).toEqual(national.values[12345]);
  });
});
