/**
 * Issue 9, "approved means approved" and "audit that cannot be bypassed": each reproduction as a test,
 * on SQLite and PostgreSQL. A district's 2023 results of plan NQ-XI (town 381) are approved; then a
 * ward's figure, a formula, a target's indicator and the plan itself are changed.
 */

import { smallPlan, testDialects } from '@chitieu/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../auth/test-kit.js';

/** A plan file's units and GO as the database holds them (a file names what its figures refer to). */
const referenceData = () => {
  const data = smallPlan();
  return {
    format: 'chitieu.plan/1',
    units: data.units,
    indicators: data.indicators.filter((i) => i.code === 'GO'),
  };
};

describe.each(await testDialects())('approval protects what it approved, on %s', (dialect) => {
  let w: AuthWorld;
  let editor: Browser;
  let manager: Browser;
  let admin: Browser;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('hoa', [{ role: 'manager', unit: '381' }]);
    [editor, manager, admin] = await Promise.all(['lan', 'hoa', 'root'].map((u) => signIn(w.app, u)));
    const key = { plan: 'NQ-XI', unit: '381', year: 2023 };
    for (const [who, action] of [
      [editor, 'submit'],
      [manager, 'approve'],
    ] as const) {
      const res = await w.app.inject({
        method: 'POST',
        url: `/api/workflow/${action}`,
        headers: who.headers,
        payload: key,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => w?.close());

  const call = (
    who: Browser,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    reason?: string,
  ) =>
    w.app.inject({
      method,
      url,
      headers: {
        ...who.headers,
        'accept-language': 'en',
        ...(reason ? { 'x-change-reason': encodeURIComponent(reason) } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const figureOf = async (unit: string, year: number) => {
    const res = await call(admin, 'GET', `/api/figures?unit=${unit}&indicator=GO&from=${year}&to=${year}`);
    return res.json().items[0] as { id: number; version: number; value: number };
  };
  const latestAudit = async (entity: string, id: string) =>
    (await call(admin, 'GET', `/api/audit?entity=${entity}&id=${encodeURIComponent(id)}`)).json()
      .entries?.[0] ??
    (await call(admin, 'GET', `/api/audit?entity=${entity}&id=${encodeURIComponent(id)}`)).json()[0];

  it("refuses a ward's figure that would change the district's approved result, saying who approved", async () => {
    const ward = await figureOf('38101', 2023);
    const res = await call(editor, 'PATCH', `/api/figures/${ward.id}`, {
      value: 9999,
      version: ward.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('figures-locked');
    const said = res.json().error.details[0].message as string;
    expect(said).toContain('hoa');
    expect(said).toContain('38101');
    expect(said).toContain('NQ-XI');
    // A new figure of the other ward, the same year: refused too.
    const created = await call(editor, 'POST', '/api/figures', {
      unit: '38102',
      indicator: 'GO',
      year: 2023,
      status: 'official',
      value: 1,
    });
    expect(created.statusCode).toBe(409);
    // Another year is not approved: accepted.
    const other = await call(editor, 'POST', '/api/figures', {
      unit: '38102',
      indicator: 'GO',
      year: 2022,
      status: 'official',
      value: 1,
    });
    expect(other.statusCode).toBe(201);
  });

  it('refuses a formula edit without a reason; with one it is made and audited as redefine', async () => {
    const current = (await call(admin, 'GET', '/api/indicators/IND_SHARE')).json();
    const change = { formula: 'IND / GO * 10', version: current.version };
    const bare = await call(admin, 'PATCH', '/api/indicators/IND_SHARE', change);
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe('reason-required');
    expect((await call(admin, 'GET', '/api/indicators/IND_SHARE')).json().formula).toBe('IND / GO * 100');
    const reasoned = await call(
      admin,
      'PATCH',
      '/api/indicators/IND_SHARE',
      change,
      'Sửa công thức theo TT 02',
    );
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    const entry = await latestAudit('indicator', 'IND_SHARE');
    expect(entry).toMatchObject({ action: 'redefine', reason: 'Sửa công thức theo TT 02' });
    expect(entry.new).toEqual({ formula: 'IND / GO * 10' });
    // The next review lists it among the changes approved results rest on.
    const review = (await call(admin, 'GET', '/api/audit?action=redefine')).json().entries;
    expect(review.map((e: { entity: string; entityId: string }) => `${e.entity}:${e.entityId}`)).toContain(
      'indicator:IND_SHARE',
    );
    // A change that results do not rest on (the name) needs no reason.
    const renamed = await call(admin, 'PATCH', '/api/indicators/IND_SHARE', {
      name: { vi: 'Tỷ trọng CN' },
      version: reasoned.json().version,
    });
    expect(renamed.statusCode).toBe(200);
  });

  it("refuses swapping a target's indicator without a reason; with one it is audited as redefine", async () => {
    const targets = (await call(manager, 'GET', '/api/plans/NQ-XI/targets')).json().items as {
      id: number;
      code: string;
      version: number;
    }[];
    const t = targets.find((x) => x.code === '1') as { id: number; version: number };
    const url = `/api/plans/NQ-XI/targets/${t.id}`;
    const bare = await call(manager, 'PATCH', url, { indicator: 'IND', version: t.version });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe('reason-required');
    const reasoned = await call(
      manager,
      'PATCH',
      url,
      { indicator: 'IND', version: t.version },
      'Nhầm chỉ tiêu',
    );
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    expect(reasoned.json().indicator).toBe('IND');
    const entry = await latestAudit('target', String(t.id));
    expect(entry).toMatchObject({ action: 'redefine', reason: 'Nhầm chỉ tiêu' });
    // Its wording is not its definition.
    const reworded = await call(manager, 'PATCH', url, {
      text: { vi: 'Giá trị sản xuất công nghiệp tăng' },
      version: reasoned.json().version,
    });
    expect(reworded.statusCode).toBe(200);
  });

  it('refuses deleting a plan whose figures were approved; archiving keeps it readable and unchangeable', async () => {
    const plan = (await call(manager, 'GET', '/api/plans/NQ-XI')).json();
    const removed = await call(manager, 'DELETE', `/api/plans/NQ-XI?version=${plan.version}`);
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.code).toBe('plan-reviewed');
    expect((await call(manager, 'GET', '/api/plans/NQ-XI')).statusCode).toBe(200);

    const archived = await call(manager, 'POST', '/api/plans/NQ-XI/archive', { version: plan.version });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().state).toBe('archived');
    const listed = (await call(manager, 'GET', '/api/plans'))
      .json()
      .items.map((p: { code: string }) => p.code);
    expect(listed).not.toContain('NQ-XI');
    const asked = (await call(manager, 'GET', '/api/plans?state=archived')).json().items;
    expect(asked.map((p: { code: string }) => p.code)).toEqual(['NQ-XI']);
    expect((await call(manager, 'GET', '/api/plans/NQ-XI/targets')).statusCode).toBe(200);

    const edit = await call(
      manager,
      'PATCH',
      '/api/plans/NQ-XI',
      {
        issuer: 'x',
        version: archived.json().version,
      },
      'lý do',
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('plan-archived');
    const add = await call(
      manager,
      'POST',
      '/api/plans/NQ-XI/targets',
      {
        code: '9',
        text: { vi: 'Mới' },
        indicator: 'GO',
        kind: 'level',
        value: 1,
      },
      'lý do',
    );
    expect(add.statusCode).toBe(409);
    // The database refuses it too, whoever writes.
    const planId = Number(
      (
        await w.t.handle.db
          .selectFrom('plans')
          .select('id')
          .where('code', '=', 'NQ-XI')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await expect(w.t.handle.db.deleteFrom('targets').where('plan_id', '=', planId).execute()).rejects.toThrow(
      /chitieu-archived/,
    );

    const restored = await call(manager, 'POST', '/api/plans/NQ-XI/restore', {
      version: archived.json().version,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().state).toBe('active');
    const changed = await call(manager, 'PATCH', '/api/plans/NQ-XI', {
      issuer: 'HĐND',
      version: restored.json().version,
    });
    // A plan with approved years changes only with a reason, audited as such.
    expect(changed.json().error.code).toBe('reason-required');
    const reasoned = await call(
      manager,
      'PATCH',
      '/api/plans/NQ-XI',
      {
        issuer: 'HĐND',
        version: restored.json().version,
      },
      'Đổi cơ quan ban hành',
    );
    expect(reasoned.statusCode).toBe(200);
    expect(await latestAudit('plan', 'NQ-XI')).toMatchObject({ action: 'update-approved' });
  });

  it('deletes a plan without workflow history, auditing each removed target, program and task', async () => {
    const plan = (await call(admin, 'GET', '/api/plans/NQ-382')).json();
    const res = await call(admin, 'DELETE', `/api/plans/NQ-382?version=${plan.version}`);
    expect(res.statusCode, res.body).toBe(204);
    const entries = await w.t.handle.db
      .selectFrom('audit_log')
      .select(['entity', 'action', 'details'])
      .where('action', '=', 'delete')
      .execute();
    const ofPlan = entries.filter(
      (e) => e.entity === 'plan' || JSON.parse(e.details ?? '{}').plan === 'NQ-382',
    );
    const targets = entries.filter((e) => e.entity === 'target');
    expect(ofPlan.some((e) => e.entity === 'plan')).toBe(true);
    expect(targets.length).toBe(4);
  });

  it('keeps workflow steps for good: the database refuses to change or delete them', async () => {
    const db = w.t.handle.db;
    await expect(db.updateTable('workflow_steps').set({ reason: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('workflow_steps').execute()).rejects.toThrow(/append-only/);
    expect((await db.selectFrom('workflow_steps').select('id').execute()).length).toBeGreaterThan(0);
  });

  it.runIf(dialect === 'postgres')(
    'refuses TRUNCATE of the audit log, the revisions and the steps',
    async () => {
      for (const table of ['audit_log', 'value_revisions', 'workflow_steps']) {
        await expect(sql.raw(`TRUNCATE ${table} CASCADE`).execute(w.t.handle.db)).rejects.toThrow(
          /TRUNCATE is refused/,
        );
      }
    },
  );

  it("gives every figure an import changes its own audit entry, in the figure's story", async () => {
    const file = {
      ...referenceData(),
      values: [
        { indicator: 'GO', unit: '382', year: 2023, value: 31500, status: 'official' },
        { indicator: 'GO', unit: '383', year: 2023, value: 2000, status: 'official' },
      ],
    };
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/plan-files',
      headers: { ...admin.headers, 'content-type': 'application/json', 'x-file-name': 'so-lieu-2023.json' },
      payload: JSON.stringify(file),
    });
    expect(res.statusCode, res.body).toBe(200);
    const story = (await call(admin, 'GET', '/api/audit/figure?unit=382&indicator=GO&year=2023')).json();
    const entry = story.entries.find((e: { action: string }) => e.action === 'update');
    expect(entry).toMatchObject({ old: { value: 31444 }, new: { value: 31500 } });
    expect(entry.details.import).toMatchObject({ file: 'so-lieu-2023.json' });
    expect(entry.details.import.id).toMatch(/^imp-/);
    const other = (await call(admin, 'GET', '/api/audit/figure?unit=383&indicator=GO&year=2023')).json();
    expect(other.entries[0]).toMatchObject({ action: 'create', new: { value: 2000 } });
    expect(other.entries[0].details.import.id).toBe(entry.details.import.id);
  });

  it("refuses an import that redefines an approved plan's target without a reason, and audits each change", async () => {
    const file = () => {
      const data = smallPlan();
      const plan = data.plans.find((p) => p.code === 'NQ-XI');
      if (!plan) throw new Error('fixture');
      plan.targets = plan.targets.map((t) => (t.code === '3' ? { ...t, value: 0.7 } : t));
      return JSON.stringify({ format: 'chitieu.plan/1', ...data, plans: [plan], values: [] });
    };
    const send = (reason?: string) =>
      w.app.inject({
        method: 'POST',
        url: '/api/plan-files',
        headers: {
          ...admin.headers,
          'content-type': 'application/json',
          ...(reason ? { 'x-change-reason': encodeURIComponent(reason) } : {}),
        },
        payload: file(),
      });
    const bare = await send();
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe('reason-required');
    const reasoned = await send('Nghị quyết điều chỉnh');
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    const target = (await call(admin, 'GET', '/api/plans/NQ-XI/targets'))
      .json()
      .items.find((t: { code: string }) => t.code === '3');
    expect(target.value).toBe(0.7);
    const entry = await latestAudit('target', String(target.id));
    expect(entry).toMatchObject({ action: 'update', reason: 'Nghị quyết điều chỉnh', new: { value: 0.7 } });
    expect(entry.details.import.id).toMatch(/^imp-/);
  });

  it('answers an import that would change an approved figure with 409 figures-locked', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/plan-files',
      headers: { ...admin.headers, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({
        ...referenceData(),
        values: [{ indicator: 'GO', unit: '38101', year: 2023, value: 1, status: 'official' }],
      }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('figures-locked');
    expect(res.json().error.details[0]).toMatchObject({ path: 'values[0]' });
  });
});
