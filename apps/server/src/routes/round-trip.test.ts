/**
 * One write path (issue 10): whatever sequence of API edits is made, the plan file the API exports
 * reads back with the plan-file checker and imports into an empty database as the same plan. Before
 * the commands, `POST /targets` accepted targets whose exported file then failed to import.
 */
import {
  createTestDatabase,
  exportPlanFile,
  importPlanFile,
  migrateToLatest,
  testDialects,
} from '@chitieu/db';
import { parsePlanFile } from '@chitieu/plan-file';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../auth/test-kit.js';

type Edit =
  | {
      op: 'target';
      kind: string;
      value: number;
      low: number | null;
      high: number | null;
      indicator: string;
      every: boolean;
    }
  | { op: 'retarget'; pick: number; value: number; text: string }
  | { op: 'program'; kind: string; targets: number[] }
  | { op: 'task'; pick: number; status: string; progress: number | null }
  | { op: 'figure'; unit: string; indicator: string; year: number; value: number; status: string }
  | { op: 'plan'; title: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('target' as const),
    kind: fc.constantFrom('level', 'avg-growth', 'cumulative', 'annual', 'change', 'milestone'),
    value: fc.integer({ min: -50, max: 500 }),
    low: fc.option(fc.integer({ min: 0, max: 50 })),
    high: fc.option(fc.integer({ min: 0, max: 150 })),
    indicator: fc.constantFrom('GO', 'POOR', 'IND_SHARE', 'POP'),
    // Each single year must reach the goal: stored, exported and imported back (refused off `annual`).
    every: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('retarget' as const),
    pick: fc.nat(),
    value: fc.integer({ min: 0, max: 100 }),
    text: fc.constantFrom('Tăng trưởng', 'Giảm nghèo bền vững', 'Đô thị hóa'),
  }),
  fc.record({
    op: fc.constant('program' as const),
    kind: fc.constantFrom('program', 'breakthrough', 'task-group'),
    targets: fc.array(fc.nat(), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('task' as const),
    pick: fc.nat(),
    status: fc.constantFrom('not-started', 'in-progress', 'done', 'overdue', 'cancelled'),
    progress: fc.option(fc.integer({ min: 0, max: 100 })),
  }),
  fc.record({
    op: fc.constant('figure' as const),
    unit: fc.constantFrom('381', '38101', '38102', '382'),
    indicator: fc.constantFrom('GO', 'POOR', 'POP'),
    year: fc.integer({ min: 2019, max: 2026 }),
    value: fc.double({ min: -10, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    status: fc.constantFrom('official', 'preliminary', 'estimate', 'plan'),
  }),
  fc.record({ op: fc.constant('plan' as const), title: fc.constantFrom('Nghị quyết', 'Kế hoạch 5 năm') }),
);

describe.each(await testDialects())('export → import after API edits, on %s', (dialect) => {
  let w: AuthWorld;
  let admin: Browser;
  let serial = 0;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    admin = await signIn(w.app, 'root');
  });
  afterAll(async () => w?.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    w.app.inject({
      method,
      url,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const items = async (url: string) =>
    (await send('GET', url)).json().items as { id: number; code: string; version: number }[];

  /** Apply one edit through the API; a refused one (4xx) changes nothing, as any client sees. */
  async function apply(e: Edit): Promise<number> {
    const n = ++serial;
    switch (e.op) {
      case 'target':
        return (
          await send('POST', '/api/plans/NQ-XI/targets', {
            code: `P${n}`,
            text: { vi: `Chỉ tiêu ${n}` },
            indicator: e.indicator,
            kind: e.kind,
            ...(e.low === null || e.high === null ? { value: e.value } : { low: e.low, high: e.high }),
            ...(e.every ? { every: true } : {}),
          })
        ).statusCode;
      case 'retarget': {
        const all = await items('/api/plans/NQ-XI/targets');
        const t = all[e.pick % all.length];
        if (!t) return 0;
        return (
          await send('PATCH', `/api/plans/NQ-XI/targets/${t.id}`, {
            text: { vi: e.text },
            value: e.value,
            version: t.version,
          })
        ).statusCode;
      }
      case 'program': {
        const all = await items('/api/plans/NQ-XI/targets');
        const codes = [...new Set(e.targets.map((i) => all[i % Math.max(all.length, 1)]?.code))].filter(
          (c): c is string => c !== undefined,
        );
        return (
          await send('POST', '/api/plans/NQ-XI/programs', {
            code: `CT-${n}`,
            kind: e.kind,
            title: { vi: `Chương trình ${n}` },
            targets: codes,
          })
        ).statusCode;
      }
      case 'task': {
        const all = await items('/api/plans/NQ-XI/programs');
        const p = all[e.pick % Math.max(all.length, 1)];
        if (!p) return 0;
        return (
          await send('POST', `/api/plans/NQ-XI/programs/${p.id}/tasks`, {
            code: `NV-${n}`,
            title: { vi: `Nhiệm vụ ${n}` },
            status: e.status,
            ...(e.progress === null ? {} : { progress: e.progress }),
          })
        ).statusCode;
      }
      case 'figure': {
        const res = await send('POST', '/api/figures', {
          unit: e.unit,
          indicator: e.indicator,
          year: e.year,
          status: e.status,
          value: e.value,
        });
        if (res.statusCode !== 409 || res.json().error.code !== 'version-conflict') return res.statusCode;
        const current = res.json().error.current as { id: number; version: number } | undefined;
        if (!current) return res.statusCode;
        return (
          await send('PATCH', `/api/figures/${current.id}`, { value: e.value, version: current.version })
        ).statusCode;
      }
      case 'plan': {
        const plan = (await send('GET', '/api/plans/NQ-XI')).json();
        return (await send('PATCH', '/api/plans/NQ-XI', { title: { vi: e.title }, version: plan.version }))
          .statusCode;
      }
    }
  }

  it('gives back the same plan', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        for (const e of edits) {
          const status = await apply(e);
          // Accepted, or refused with a located answer; never a server error.
          expect(status).toBeLessThan(500);
        }
        const exported = await send('GET', '/api/plans/NQ-XI/plan-file');
        expect(exported.statusCode).toBe(200);
        const parsed = parsePlanFile(exported.body, { lang: 'en' });
        if (!parsed.ok)
          throw new Error(`the exported file does not read back: ${JSON.stringify(parsed.problems)}`);
        const fresh = await createTestDatabase(dialect);
        try {
          await migrateToLatest(fresh.handle);
          const imported = await importPlanFile(fresh.handle.db, parsed.data, { lang: 'en' });
          if (!imported.ok)
            throw new Error(`the exported file does not import: ${JSON.stringify(imported.problems)}`);
          // The same plan as the reader sees it (both read with the reader's defaults).
          const again = parsePlanFile(JSON.stringify(await exportPlanFile(fresh.handle.db, 'NQ-XI')));
          expect(again.ok && again.data).toEqual(parsed.data);
        } finally {
          await fresh.cleanup();
        }
      }),
      { numRuns: dialect === 'sqlite' ? 8 : 4 },
    );
  });
});
