/**
 * Data benchmark: the national data set of `syntheticNationalData` (1 nation, 34 provinces, 700
 * districts, 3.321 communes, 40 indicators, 2020–2024, figures entered at commune level only).
 * (1) Resolving every cell of every unit, all above the communes derived (sums, ratios, weighted means,
 *     formulas), against the baseline of looking up the same cells in the plain entered index.
 * (2) Ranking all 40 indicators among the provinces and among the districts of each province.
 * (3) Reading the data set as a plan file (validation + defaults), against bare JSON.parse of the text.
 * Goals: (1) linear — under 10× the baseline; (3) under 10× JSON.parse.
 */
import { createValueSource, indexEnteredValues, rankUnits } from '@chitieu/core';
import { parsePlanFile, serializePlanFile } from '@chitieu/plan-file';
import { syntheticNationalData } from '../packages/core/src/values/synthetic.js';
import { type BenchTable, timeMs } from './lib.js';

export const name = 'data';

export async function run(): Promise<BenchTable[]> {
  const data = syntheticNationalData();
  const years = [2020, 2021, 2022, 2023, 2024];
  const cells = data.units.length * data.indicators.length * years.length;
  const everyCell = (actual: (u: string, i: string, y: number) => unknown) => {
    let n = 0;
    for (const u of data.units)
      for (const i of data.indicators) for (const y of years) if (actual(u.code, i.code, y)) n++;
    return n;
  };

  const plain = indexEnteredValues(data.values);
  const baseline = await timeMs(() => everyCell((u, i, y) => plain.actual(u, i, y)), 3);
  let resolved = 0;
  const derived = await timeMs(() => {
    const src = createValueSource(data);
    resolved = everyCell((u, i, y) => src.actual(u, i, y));
  }, 3);

  const src = createValueSource(data);
  everyCell((u, i, y) => src.actual(u, i, y));
  const provinces = data.units.filter((u) => u.level === 'province').map((u) => u.code);
  const ranking = await timeMs(() => {
    for (const ind of data.indicators) {
      rankUnits({ data, values: src, indicator: ind.code, year: 2024, by: 'growth', parent: 'VN' });
      for (const p of provinces)
        rankUnits({ data, values: src, indicator: ind.code, year: 2024, by: 'value', parent: p });
    }
  }, 3);

  const text = serializePlanFile({ ...data }, 'json');
  const jsonParse = await timeMs(() => JSON.parse(text), 3);
  let ok = false;
  const planFile = await timeMs(() => {
    ok = parsePlanFile(text).ok;
  }, 3);

  // YAML is for files people write by hand; the `yaml` reader is far slower than JSON.parse, so it is
  // measured on a smaller set (one year, 1.000 communes) against its own JSON baseline.
  const small = syntheticNationalData({ communes: 1000, years: [2024] });
  const smallJson = serializePlanFile({ ...small }, 'json');
  const smallYaml = serializePlanFile({ ...small }, 'yaml');
  const smallJsonMs = await timeMs(() => parsePlanFile(smallJson), 1, 0);
  const smallYamlMs = await timeMs(() => parsePlanFile(smallYaml), 1, 0);

  return [
    {
      title: `Value source, national data set (${cells.toLocaleString('en')} cells, ${data.values.length.toLocaleString('en')} entered values)`,
      columns: ['what', 'median ms', 'cells with a value', 'ratio to baseline'],
      rows: [
        ['baseline: entered-only index, same cells', baseline, '-', 1],
        [
          'createValueSource + resolve every cell (derived above communes)',
          derived,
          resolved,
          derived / baseline,
        ],
      ],
      notes: [`Goal: ratio < 10 (linear work per cell). ${derived / baseline < 10 ? 'MET' : 'NOT MET'}`],
    },
    {
      title: 'Rankings (40 indicators × (provinces by growth + districts of each province by value))',
      columns: ['what', 'median ms', 'rankings'],
      rows: [['rankUnits, memoized source', ranking, data.indicators.length * (1 + provinces.length)]],
    },
    {
      title: `Plan file, ${(text.length / 1e6).toFixed(1)} MB JSON`,
      columns: ['what', 'median ms', 'ratio to baseline'],
      rows: [
        ['baseline: JSON.parse', jsonParse, 1],
        [`parsePlanFile (validate all, defaults; ok=${ok})`, planFile, planFile / jsonParse],
      ],
      notes: [`Goal: ratio < 10. ${planFile / jsonParse < 10 ? 'MET' : 'NOT MET'}`],
    },
    {
      title: `Plan file as YAML vs JSON (${small.values.length.toLocaleString('en')} values)`,
      columns: ['what', 'median ms', 'ratio to baseline'],
      rows: [
        ['baseline: parsePlanFile, JSON', smallJsonMs, 1],
        ['parsePlanFile, YAML (one flow line per value)', smallYamlMs, smallYamlMs / smallJsonMs],
      ],
      notes: ['No goal: large exchanges should use JSON; this row keeps the YAML cost visible.'],
    },
  ];
}
