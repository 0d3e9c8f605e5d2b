import { takeWorkflowStep, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, signIn } from './test-kit.js';

/**
 * Issue 9's access reproductions, on the test world: town 381 (wards 38101, 38102) and its
 * private plan NQ-XI, sibling town 382 with the private plan NQ-382 and the public NQ-PUB, both
 * under province 38. Unit 382's GO 2023 figure (with a note) plays the part of figure 281.
 */
describe.each(await testDialects())('access holes of issue 9 on %s', (dialect) => {
  let w: AuthWorld;
  let otherFigure: number;
  let ownFigure: number;
  let otherPop: number;
  const as = async (name: string) => (await signIn(w.app, name)).headers;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('bien-tap', [{ role: 'editor', unit: '381' }]);
    await w.user('xem', [{ role: 'viewer', unit: '381' }]);
    await w.user('quan-ly', [{ role: 'manager', unit: '381' }]);
    await w.user('chi-go', [{ role: 'editor', unit: '381', indicators: ['GO'] }]);
    await w.user('quan-tri', [{ role: 'admin', unit: null }]);
    const db = w.t.handle.db;
    const figure = async (unit: string, indicator: string, year: number) =>
      Number(
        (
          await db
            .selectFrom('indicator_values')
            .innerJoin('units', 'units.id', 'indicator_values.unit_id')
            .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
            .select('indicator_values.id')
            .where('units.code', '=', unit)
            .where('indicators.code', '=', indicator)
            .where('indicator_values.year', '=', year)
            .where('indicator_values.period', '=', '')
            .executeTakeFirstOrThrow()
        ).id,
      );
    otherFigure = await figure('382', 'GO', 2023);
    await db
      .updateTable('indicator_values')
      .set({ note: 'ghi chú nội bộ' })
      .where('id', '=', otherFigure)
      .execute();
    ownFigure = await figure('381', 'GO', 2021);
    otherPop = await figure('381', 'POP', 2023);
  });
  afterAll(async () => w?.close());

  /** The spellings of one id that a lenient parser reads as the same number. */
  const oddSpellings = (id: number) => [
    `${id}.0`,
    `${(id / 100).toString()}e2`,
    `0x${id.toString(16)}`,
    `+${id}`,
    `%20${id}`,
    `${id}%20`,
    `0${id}`,
    `${id}%00`,
  ];

  it('1. Given an editor of 381, When they PATCH the figure of 382 under any other spelling of its id, Then 400 and the figure is unchanged', async () => {
    const headers = await as('bien-tap');
    for (const spelling of oddSpellings(otherFigure)) {
      const res = await w.app.inject({
        method: 'PATCH',
        url: `/api/figures/${spelling}`,
        headers,
        payload: { value: 11111, version: 1 },
      });
      expect(res.statusCode, spelling).toBe(400);
    }
    const plain = await w.app.inject({
      method: 'PATCH',
      url: `/api/figures/${otherFigure}`,
      headers,
      payload: { value: 11111, version: 1 },
    });
    expect(plain.statusCode).toBe(403);
    const row = await w.t.handle.db
      .selectFrom('indicator_values')
      .select('value')
      .where('id', '=', otherFigure)
      .executeTakeFirstOrThrow();
    expect(Number(row.value)).toBe(31444);
  });

  it('1. Given a viewer of 381, When they read the figure of 382 (or its history) under another spelling, Then 400 without the note', async () => {
    const headers = await as('xem');
    for (const spelling of oddSpellings(otherFigure)) {
      for (const url of [`/api/figures/${spelling}`, `/api/figures/${spelling}/history`]) {
        const res = await w.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(400);
        expect(res.body).not.toContain('ghi chú nội bộ');
        expect(res.json().error.details[0].path).toBe('params.id');
      }
    }
    const anonymous = await w.app.inject({ method: 'GET', url: `/api/figures/${otherFigure}.0` });
    expect([400, 401]).toContain(anonymous.statusCode);
    expect(anonymous.body).not.toContain('ghi chú');
  });

  it('1. Given ids that name nothing, When callers without a role on every unit use them, Then 403; an administrator gets 404', async () => {
    for (const url of ['/api/figures/2147483647', '/api/figures/999999999999999']) {
      const viewer = await w.app.inject({ method: 'GET', url, headers: await as('xem') });
      expect(viewer.statusCode, url).toBe(403);
      const anonymous = await w.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
    }
    const admin = await w.app.inject({
      method: 'GET',
      url: '/api/figures/2147483647',
      headers: await as('quan-tri'),
    });
    expect(admin.statusCode).toBe(404);
    // Codes too: a plan code that names nothing is not a public plan.
    const unknownPlan = await w.app.inject({ method: 'GET', url: '/api/plans/KHONG-CO' });
    expect(unknownPlan.statusCode).toBe(401);
    const padded = await w.app.inject({
      method: 'GET',
      url: '/api/plans/%20NQ-XI',
      headers: await as('xem'),
    });
    expect(padded.statusCode).toBe(403);
  });

  it('Given a signed-in user without any role, When they read a public plan, Then 200; a private one, 403', async () => {
    await w.user('khong-vai-tro', []);
    const headers = await as('khong-vai-tro');
    expect((await w.app.inject({ url: '/api/plans/NQ-PUB', headers })).statusCode).toBe(200);
    expect((await w.app.inject({ url: '/api/plans/NQ-PUB/evaluation?year=2023', headers })).statusCode).toBe(
      200,
    );
    expect((await w.app.inject({ url: '/api/plans/NQ-382', headers })).statusCode).toBe(403);
    expect((await w.app.inject({ url: '/api/figures', headers })).statusCode).toBe(403);
  });

  it('1. Given a viewer of 381, When they read their own figure by its plain id, Then 200 (the strict spelling is the only one)', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/figures/${ownFigure}`,
      headers: await as('xem'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toBe('381');
  });

  it('2. Given a viewer of 381, When they list figures without a unit, Then only the figures of 381 and its wards', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: '/api/figures?limit=500',
      headers: await as('xem'),
    });
    expect(res.statusCode).toBe(200);
    const units = new Set(res.json().items.map((f: { unit: string }) => f.unit));
    expect(units.has('381')).toBe(true);
    for (const unit of units) expect(['381', '38101', '38102']).toContain(unit);
    expect(res.json().total).toBe(res.json().items.length);
    const other = await w.app.inject({
      method: 'GET',
      url: '/api/figures?unit=382',
      headers: await as('xem'),
    });
    expect(other.statusCode).toBe(403);
    const anonymous = await w.app.inject({ method: 'GET', url: '/api/figures' });
    expect(anonymous.statusCode).toBe(401);
    const admin = await w.app.inject({
      method: 'GET',
      url: '/api/figures?limit=500',
      headers: await as('quan-tri'),
    });
    const all = new Set(admin.json().items.map((f: { unit: string }) => f.unit));
    expect(all.has('382') && all.has('383') && all.has('381')).toBe(true);
  });

  it('2. Given a viewer of 381, When they read the audit log without filters, Then only entries of units they may read', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: await as('xem') });
    expect(res.statusCode).toBe(200);
    const units = new Set(res.json().entries.map((e: { unit: string | null }) => e.unit));
    for (const unit of units) expect(['381', '38101', '38102']).toContain(unit);
  });

  it('2. Given a viewer of 381, When they rank units without a parent (the top of the country), Then 403', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: '/api/rankings?indicator=GO&year=2023',
      headers: await as('xem'),
    });
    expect(res.statusCode).toBe(403);
  });

  it("2. Given a viewer of 381, When they read a figure's story, Then workflows under the province's private plan stay hidden", async () => {
    const admin = await as('quan-tri');
    const created = await w.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: admin,
      payload: {
        code: 'NQ-TINH',
        title: { vi: 'Nghị quyết tỉnh' },
        unit: '38',
        baselineYear: 2020,
        targetYear: 2025,
      },
    });
    expect(created.statusCode).toBe(201);
    const db = w.t.handle.db;
    const id = async (table: 'plans' | 'units', code: string) =>
      Number((await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
    for (const plan of ['NQ-TINH', 'NQ-XI']) {
      const step = await takeWorkflowStep(db, {
        planId: await id('plans', plan),
        unitId: await id('units', '381'),
        year: 2022,
        action: 'submit',
        actor: null,
      });
      expect(step.ok).toBe(true);
    }
    const url = '/api/audit/figure?unit=381&indicator=GO&year=2022';
    const plansOf = async (headers: Record<string, string>) =>
      (await w.app.inject({ url, headers }))
        .json()
        .workflows.map((x: { plan: string }) => x.plan)
        .sort();
    expect(await plansOf(await as('xem'))).toEqual(['NQ-XI']);
    expect(await plansOf(admin)).toEqual(['NQ-TINH', 'NQ-XI']);
  });

  it('3. Given a manager of 381, When they move their plan to the province or a sibling town, Then 403 and it stays', async () => {
    const headers = await as('quan-ly');
    for (const unit of ['38', '382', 'KHONG-CO']) {
      const current = (await w.app.inject({ method: 'GET', url: '/api/plans/NQ-XI', headers })).json();
      const res = await w.app.inject({
        method: 'PATCH',
        url: '/api/plans/NQ-XI',
        headers,
        payload: { unit, version: current.version },
      });
      expect(res.statusCode, unit).toBe(403);
    }
    const after = (await w.app.inject({ method: 'GET', url: '/api/plans/NQ-XI', headers })).json();
    expect(after.unit).toBe('381');
    // Creating a plan there is refused the same way.
    const create = await w.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers,
      payload: {
        code: 'KH-TINH',
        title: { vi: 'Kế hoạch tỉnh' },
        unit: '38',
        baselineYear: 2020,
        targetYear: 2025,
      },
    });
    expect(create.statusCode).toBe(403);
  });

  it('3. Given a manager of 381, When they move their plan to a ward of 381, Then 200; a plan of 382 cannot be moved into 381', async () => {
    const headers = await as('quan-ly');
    const current = (await w.app.inject({ method: 'GET', url: '/api/plans/NQ-XI', headers })).json();
    const down = await w.app.inject({
      method: 'PATCH',
      url: '/api/plans/NQ-XI',
      headers,
      payload: { unit: '38101', version: current.version },
    });
    expect(down.statusCode).toBe(200);
    const back = await w.app.inject({
      method: 'PATCH',
      url: '/api/plans/NQ-XI',
      headers,
      payload: { unit: '381', version: down.json().version },
    });
    expect(back.statusCode).toBe(200);
    const theirs = await w.app.inject({
      method: 'PATCH',
      url: '/api/plans/NQ-382',
      headers,
      payload: { unit: '381', version: 1 },
    });
    expect(theirs.statusCode).toBe(403);
  });

  it('4. Given an editor limited to GO on 381, When they PATCH a POP figure of 381 by id, Then 403; a GO figure, 200', async () => {
    const headers = await as('chi-go');
    const pop = await w.app.inject({
      method: 'PATCH',
      url: `/api/figures/${otherPop}`,
      headers,
      payload: { value: 1, version: 1 },
    });
    expect(pop.statusCode).toBe(403);
    const go = await w.app.inject({ method: 'GET', url: `/api/figures/${ownFigure}`, headers });
    const patched = await w.app.inject({
      method: 'PATCH',
      url: `/api/figures/${ownFigure}`,
      headers,
      payload: { value: 15372, note: 'kiểm tra', version: go.json().version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
  });

  it('4. Given an editor limited to GO on 381, When they post a POP figure, submit the whole unit or edit a task, Then 403', async () => {
    const headers = await as('chi-go');
    const post = await w.app.inject({
      method: 'POST',
      url: '/api/figures',
      headers,
      payload: { unit: '381', indicator: 'POP', year: 2024, value: 1 },
    });
    expect(post.statusCode).toBe(403);
    const submit = await w.app.inject({
      method: 'POST',
      url: '/api/workflow/submit',
      headers,
      payload: { plan: 'NQ-XI', unit: '381', year: 2023 },
    });
    expect(submit.statusCode).toBe(403);
    // An unlimited editor of the unit may submit.
    const full = await w.app.inject({
      method: 'POST',
      url: '/api/workflow/submit',
      headers: await as('bien-tap'),
      payload: { plan: 'NQ-XI', unit: '381', year: 2023 },
    });
    expect(full.statusCode).toBe(200);
  });
});
