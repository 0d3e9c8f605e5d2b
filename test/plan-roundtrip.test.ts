/**
 * Export → import gives the same plan. A generated valid plan file written as YAML or JSON reads back
 * to the same data (fast-check); a plan imported into the database and exported again reads back to
 * the plan that went in, and importing the export changes nothing (SQLite and PostgreSQL).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, exportPlanFile, migrateToLatest, testDialects } from '@chitieu/db';
import { type PlanFile, parsePlanFile, serializePlanFile } from '@chitieu/plan-file';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../apps/cli/src/commands/import.js';
import { snapshot } from './helpers/db-snapshot.js';

const KINDS = ['level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone'] as const;
const MEASURES = ['%', 'tỷ đồng', 'người', 'tấn', 'triệu đồng/người'] as const;

/** Vietnamese-looking text: letters with diacritics, spaces, digits; never empty. */
const text = fc
  .array(fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạếềểễệốồổỗộứừửữự ABCĐ0123456789'), {
    minLength: 1,
    maxLength: 24,
  })
  .map((cs) => cs.join('').trim() || 'x');
const num = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });

/** A valid plan file with defaults applied, built so that every rule holds. */
const planFile = fc
  .record({
    measures: fc.array(fc.constantFrom(...MEASURES), { minLength: 1, maxLength: 4 }),
    baseline: fc.integer({ min: 2000, max: 2030 }),
    term: fc.integer({ min: 1, max: 10 }),
    names: fc.array(text, { minLength: 6, maxLength: 6 }),
    targets: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        goal: num(0, 100),
        range: fc.boolean(),
        every: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    values: fc.array(
      fc.record({
        i: fc.nat(),
        dy: fc.nat(),
        v: num(0, 100),
        status: fc.constantFrom('official', 'estimate', 'plan'),
      }),
      {
        maxLength: 12,
      },
    ),
  })
  .map(({ measures, baseline, term, names, targets, values }): string => {
    const indicators = measures.map((unit, i) => ({
      code: `I${i}`,
      name: { vi: names[i % names.length] ?? 'x' },
      unit,
      direction: i % 2 === 0 ? 'up' : 'down',
      ...(unit === '%' ? {} : { bounds: [0, null] }),
    }));
    const doc = {
      format: 'chitieu.plan/1',
      units: [
        { code: '50', name: names[0], level: 'province' },
        { code: '502', name: names[1], level: 'district', parent: '50' },
      ],
      indicators,
      plans: [
        {
          code: 'P',
          title: { vi: names[2] },
          visibility: 'public',
          unit: '502',
          baselineYear: baseline,
          targetYear: baseline + term,
          targets: targets.map((t, j) => ({
            code: String(j + 1),
            text: { vi: names[3] },
            indicator: `I${j % indicators.length}`,
            kind: t.kind,
            ...(t.kind === 'milestone'
              ? { expected: 'complete' }
              : t.range
                ? { low: t.goal / 2, high: t.goal }
                : { value: t.goal }),
            ...(t.kind === 'annual' && t.every ? { every: true } : {}),
          })),
        },
      ],
      // One figure per cell: the reader refuses duplicates.
      values: [
        ...new Map(
          values.map((v) => {
            const indicator = `I${v.i % indicators.length}`;
            const year = baseline + (v.dy % (term + 1));
            return [
              `${indicator}|${year}|${v.status}`,
              { indicator, unit: '502', year, value: v.v, status: v.status },
            ];
          }),
        ).values(),
      ],
    };
    return JSON.stringify(doc);
  });

const read = (text: string): PlanFile => {
  const r = parsePlanFile(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.data;
};

describe('a plan file', () => {
  it('reads back to the same data after it is written as YAML or as JSON', () => {
    fc.assert(
      fc.property(planFile, fc.constantFrom('yaml', 'json' as const), (json, format) => {
        const data = read(json);
        expect(read(serializePlanFile(data, format))).toEqual(data);
      }),
      { numRuns: 150 },
    );
  });
});

describe.each(await testDialects())('through the database (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-roundtrip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a generated plan exported after its import is the plan that went in; importing the export changes no data', async () => {
    await fc.assert(
      fc.asyncProperty(planFile, async (json) => {
        const t = await createTestDatabase(dialect);
        try {
          await migrateToLatest(t.handle);
          const data = read(json);
          const input = join(dir, 'in.json');
          writeFileSync(input, json);
          await importFile(t.handle, input, 'vi', 'test');
          const exported = await exportPlanFile(t.handle.db, 'P');
          if (!exported) throw new Error('plan P was not exported');
          const text = serializePlanFile(exported, 'yaml');
          const again = read(text);
          expect(again.plans).toEqual(data.plans);
          // An export carries the figures of the indicators its targets use.
          const used = new Set(data.plans.flatMap((p) => p.targets.map((x) => x.indicator)));
          expect(again.values).toEqual(
            expect.arrayContaining(data.values.filter((v) => used.has(v.indicator))),
          );
          // The import itself is logged (audit_log); the data must not change.
          const { audit_log: _, ...before } = (await snapshot(t.handle)).counts;
          const figures = (await snapshot(t.handle)).figures;
          const output = join(dir, 'out.yaml');
          writeFileSync(output, text);
          await importFile(t.handle, output, 'vi', 'test');
          const after = await snapshot(t.handle);
          const { audit_log: __, ...counts } = after.counts;
          expect({ counts, figures: after.figures }).toEqual({ counts: before, figures });
        } finally {
          await t.cleanup();
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 180_000);
});
