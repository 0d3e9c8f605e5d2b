import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../../auth/test-kit.js';

interface Entry {
  entity: string;
  entityId: string | null;
  unit: string | null;
}

/** `GET /api/audit?unit=&indicator=`: the trail of one unit, of one indicator, or of both. */
describe.each(await testDialects())('audit filters by unit and indicator on %s', (dialect) => {
  let w: AuthWorld;
  let admin: Browser;
  let viewer381: Browser;
  /** Ids of the targets that measure GO, and of all targets, as the audit log names them. */
  let goTargets: Set<string>;
  let allTargets: Set<string>;

  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('viet', [{ role: 'viewer', unit: '381' }]);
    const [lan, root, viet] = await Promise.all([
      signIn(w.app, 'lan'),
      signIn(w.app, 'root'),
      signIn(w.app, 'viet'),
    ]);
    admin = root;
    viewer381 = viet;
    for (const [unit, indicator] of [
      ['381', 'GO'],
      ['381', 'POP'],
      ['38101', 'GO'],
    ]) {
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/figures',
        headers: (unit === '381' ? lan : admin).headers,
        payload: { unit, indicator, year: 2024, value: 100, status: 'estimate' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const targets = await w.t.handle.db
      .selectFrom('targets')
      .innerJoin('indicators', 'indicators.id', 'targets.indicator_id')
      .select(['targets.id', 'indicators.code'])
      .execute();
    goTargets = new Set(targets.filter((t) => t.code === 'GO').map((t) => String(t.id)));
    allTargets = new Set(targets.map((t) => String(t.id)));
    expect(goTargets.size).toBeGreaterThan(0);
    expect(allTargets.size).toBeGreaterThan(goTargets.size);
  });
  afterAll(async () => w?.close());

  const audit = async (who: Browser, query: string): Promise<Entry[]> => {
    const res = await w.app.inject({ url: `/api/audit?limit=1000&${query}`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entries;
  };
  const kinds = (entries: Entry[]) => new Set(entries.map((e) => e.entity));
  const ids = (entries: Entry[], entity: string) =>
    new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId ?? ''));
  /** The indicator of a figure's audit id `unit/indicator/year[/period]`. */
  const indicatorOf = (figureId: string) => figureId.split('/')[1];

  it('by unit: every entry about that unit — its figures, targets, plans and itself — and nothing else', async () => {
    const entries = await audit(admin, 'unit=381');
    expect(entries.every((e) => e.unit === '381')).toBe(true);
    expect(kinds(entries)).toEqual(new Set(['unit', 'plan', 'target', 'program', 'task', 'figure']));
    const figures = ids(entries, 'figure');
    expect(figures.has('381/POP/2024') && figures.has('381/GO/2024')).toBe(true);
    expect([...figures].every((id) => id.startsWith('381/'))).toBe(true);
    // Another unit's entries, and entries that concern no unit (indicators, accounts), never match.
    const all = await audit(admin, '');
    expect(all.length).toBeLessThan(1000);
    expect(all.some((e) => e.unit === null)).toBe(true);
    expect(entries).toEqual(all.filter((e) => e.unit === '381'));
    expect(await audit(admin, 'unit=NOPE')).toEqual([]);
  });

  it('by indicator: its own changes, its figures of every unit and the targets that measure it', async () => {
    const entries = await audit(admin, 'indicator=GO');
    expect(entries.filter((e) => e.entity === 'indicator').map((e) => e.entityId)).toEqual(['GO']);
    const all = await audit(admin, '');
    const figures = ids(entries, 'figure');
    expect(figures).toEqual(new Set([...ids(all, 'figure')].filter((id) => indicatorOf(id) === 'GO')));
    expect(figures.has('381/GO/2024') && figures.has('38101/GO/2024')).toBe(true);
    const targets = entries.filter((e) => e.entity === 'target').map((e) => e.entityId ?? '');
    expect(new Set(targets)).toEqual(goTargets);
    expect(kinds(entries)).toEqual(new Set(['indicator', 'figure', 'target']));
    // A code is matched whole: `G` is not the start of `GO`.
    expect(await audit(admin, 'indicator=G')).toEqual([]);
  });

  it('by unit and indicator together', async () => {
    const entries = await audit(admin, 'unit=381&indicator=GO');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.unit === '381')).toBe(true);
    const figures = ids(entries, 'figure');
    expect(figures.has('381/GO/2024')).toBe(true);
    expect([...figures].every((id) => id.startsWith('381/GO/'))).toBe(true);
    expect(entries.every((e) => e.entity !== 'target' || goTargets.has(e.entityId ?? ''))).toBe(true);
    expect(kinds(entries)).toEqual(new Set(['figure', 'target']));
  });

  it('stays within the units the caller may read', async () => {
    const mine = await audit(viewer381, 'indicator=GO');
    // 381 and what lies under it (38101); the indicator's own entry concerns no unit: not shown.
    expect(new Set(mine.map((e) => e.unit))).toEqual(new Set(['381', '38101']));
    expect(await audit(viewer381, 'unit=382')).toEqual([]);
    expect(await audit(viewer381, 'unit=38')).toEqual([]);
  });

  it('refuses a malformed filter', async () => {
    const res = await w.app.inject({ url: '/api/audit?unit=', headers: admin.headers });
    expect(res.statusCode).toBe(400);
  });
});
