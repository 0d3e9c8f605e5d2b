import {
  assertFiguresWritable,
  FiguresLockedError,
  figureLockMessage,
  findFigureLock,
  importPlanFile,
  listAudit,
  nextWorkflowState,
  testDialects,
} from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../../auth/test-kit.js';

describe('the workflow steps', () => {
  it('go draft → submitted → approved → reopened → submitted, with reasons where they matter', () => {
    expect(nextWorkflowState('draft', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(nextWorkflowState('submitted', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(nextWorkflowState('approved', 'reopen', 'Cục Thống kê sửa số')).toEqual({
      ok: true,
      state: 'reopened',
    });
    expect(nextWorkflowState('reopened', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(nextWorkflowState('submitted', 'return', 'thiếu nguồn')).toEqual({ ok: true, state: 'draft' });
    expect(nextWorkflowState('approved', 'reopen', '  ')).toEqual({
      ok: false,
      problem: { code: 'reason-required', action: 'reopen' },
    });
    expect(nextWorkflowState('draft', 'approve')).toEqual({
      ok: false,
      problem: { code: 'invalid-step', from: 'draft', action: 'approve' },
    });
    expect(nextWorkflowState('approved', 'submit').ok).toBe(false);
  });
});

describe.each(await testDialects())('workflow and audit on %s', (dialect) => {
  let w: AuthWorld;
  let editor: Browser;
  let manager: Browser;
  let viewer: Browser;
  let admin: Browser;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('hoa', [{ role: 'manager', unit: '381' }]);
    await w.user('minh', [{ role: 'viewer', unit: '381' }]);
    [editor, manager, viewer, admin] = await Promise.all(
      ['lan', 'hoa', 'minh', 'root'].map((u) => signIn(w.app, u)),
    );
    for (const table of ['units', 'indicators'] as const) {
      for (const r of await w.t.handle.db.selectFrom(table).select(['id', 'code']).execute()) {
        ids[`${table}:${r.code}`] = Number(r.id);
      }
    }
  });
  afterAll(async () => w?.close());

  const step = (who: Browser, action: string, body: Record<string, unknown>, lang = 'vi') =>
    w.app.inject({
      method: 'POST',
      url: `/api/workflow/${action}`,
      headers: { ...who.headers, 'accept-language': lang },
      payload: body,
    });
  const cell = (unit: string, indicator: string, year = 2023) => ({
    unit: ids[`units:${unit}`] as number,
    indicator: ids[`indicators:${indicator}`] as number,
    year,
  });
  const key = { plan: 'NQ-XI', unit: '381', year: 2023 };

  it('lets an editor submit their own units only, and not a viewer', async () => {
    expect((await step(editor, 'submit', { ...key, unit: '382', plan: 'NQ-382' })).statusCode).toBe(403);
    expect((await step(viewer, 'submit', key)).statusCode).toBe(403);
    const res = await step(editor, 'submit', key);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ plan: 'NQ-XI', unit: '381', year: 2023, state: 'submitted' });
  });

  it('checks the unit is in the plan and the year in its term', async () => {
    const res = await step(editor, 'submit', { plan: 'NQ-XI', unit: '382', year: 2031 }, 'en');
    // 382 is outside the editor's units: refused before anything else is said about it.
    expect(res.statusCode).toBe(403);
    const admins = await step(admin, 'submit', { plan: 'NQ-XI', unit: '382', year: 2031 }, 'en');
    expect(admins.json().error.details).toEqual([
      { path: 'body.unit', message: 'Unit 382 is outside plan NQ-XI.' },
      { path: 'body.year', message: 'The year must be from 2020 to 2025.' },
    ]);
  });

  it("answers a private plan of another unit as it answers an unknown plan, so a plan code's existence never leaks", async () => {
    // NQ-382 is private to the sibling town 382, whose scope does not hold 381.
    for (const who of [viewer, editor, manager]) {
      const unknown = await w.app.inject({
        url: '/api/workflow?plan=KHONG-CO&unit=381',
        headers: who.headers,
      });
      const hidden = await w.app.inject({ url: '/api/workflow?plan=NQ-382&unit=381', headers: who.headers });
      expect(unknown.statusCode).toBe(403);
      expect([hidden.statusCode, hidden.body]).toEqual([unknown.statusCode, unknown.body]);
    }
    for (const action of ['submit', 'approve', 'return', 'reopen']) {
      const who = action === 'submit' ? editor : manager;
      const body = { unit: '381', year: 2031, reason: 'lý do' };
      const unknown = await step(who, action, { ...body, plan: 'KHONG-CO' }, 'en');
      const hidden = await step(who, action, { ...body, plan: 'NQ-382' }, 'en');
      expect(unknown.statusCode, action).toBe(403);
      expect([hidden.statusCode, hidden.body], action).toEqual([unknown.statusCode, unknown.body]);
    }
    // A public plan is no secret: its answer says why, as the administrator's does for any plan.
    expect(
      (await step(editor, 'submit', { plan: 'NQ-PUB', unit: '381', year: 2023 }, 'en')).json().error.details,
    ).toEqual([{ path: 'body.unit', message: 'Unit 381 is outside plan NQ-PUB.' }]);
    expect((await step(admin, 'submit', { plan: 'KHONG-CO', unit: '381', year: 2023 })).statusCode).toBe(404);
    const admins = await w.app.inject({ url: '/api/workflow?plan=NQ-382&unit=381', headers: admin.headers });
    expect(admins.statusCode).toBe(200);
  });

  it('lets only a manager approve, and then the figures are locked with who and when', async () => {
    expect((await step(editor, 'approve', key)).statusCode).toBe(403);
    const res = await step(manager, 'approve', key);
    expect(res.json()).toMatchObject({ state: 'approved' });
    const lock = await findFigureLock(w.t.handle.db, cell('381', 'GO'));
    expect(lock).toMatchObject({ plan: 'NQ-XI', unit: '381', year: 2023, approvedBy: 'hoa' });
    await expect(assertFiguresWritable(w.t.handle.db, cell('381', 'GO'))).rejects.toBeInstanceOf(
      FiguresLockedError,
    );
    // IND feeds the formula of IND_SHARE (a target), POP weighs POOR (a target): locked too.
    expect(await findFigureLock(w.t.handle.db, cell('381', 'IND'))).not.toBeNull();
    expect(await findFigureLock(w.t.handle.db, cell('381', 'POP'))).not.toBeNull();
    // Not used by the plan, another year, another unit: free.
    expect(await findFigureLock(w.t.handle.db, cell('381', 'UNUSED'))).toBeNull();
    expect(await findFigureLock(w.t.handle.db, cell('381', 'GO', 2022))).toBeNull();
    expect(await findFigureLock(w.t.handle.db, cell('382', 'GO'))).toBeNull();
    expect(
      figureLockMessage(
        { ...(lock as NonNullable<typeof lock>), approvedAt: '2026-11-28T08:00:00.000Z' },
        'vi',
      ),
    ).toBe(
      'Số liệu năm 2023 của đơn vị 381 thuộc kế hoạch NQ-XI đã được hoa phê duyệt ngày 2026-11-28; cần mở lại (nêu rõ lý do) trước khi sửa.',
    );
  });

  it('refuses a plan-file import that would change approved figures, and writes nothing', async () => {
    const value = (v: number) => ({
      indicator: 'GO',
      unit: '381',
      year: 2023,
      value: v,
      status: 'estimate' as const,
      note: 'ước thực hiện',
    });
    const file = (values: ReturnType<typeof value>[]) => ({ units: [], indicators: [], plans: [], values });
    const before = await listAudit(w.t.handle.db, { limit: 1 });
    const refused = await importPlanFile(w.t.handle.db, file([value(1)]), { lang: 'en' });
    expect(refused.ok ? [] : refused.problems.map((p) => [p.path, p.code, p.message])).toEqual([
      [
        'values[0]',
        'figures-locked',
        expect.stringMatching(/^The 2023 figures of unit 381 for plan NQ-XI were approved by hoa on /),
      ],
    ]);
    expect(await listAudit(w.t.handle.db, { limit: 1 })).toEqual(before);
    // The same figure as stored changes nothing, so it passes.
    expect((await importPlanFile(w.t.handle.db, file([value(18997.6)]))).ok).toBe(true);
  });

  it('refuses a step the state does not allow, saying why', async () => {
    const res = await step(editor, 'submit', key);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'workflow-step-invalid',
      details: [{ path: '', message: 'Không thể gửi duyệt số liệu đang ở trạng thái "đã phê duyệt".' }],
    });
  });

  it('reopens only with a written reason, which unlocks the figures', async () => {
    const bare = await step(manager, 'reopen', key);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([{ path: 'body.reason', message: 'Cần ghi rõ lý do.' }]);
    const res = await step(manager, 'reopen', { ...key, reason: 'Cục Thống kê công bố số chính thức' });
    expect(res.json()).toMatchObject({ state: 'reopened' });
    await assertFiguresWritable(w.t.handle.db, cell('381', 'GO'));
  });

  it('shows who did each step, when and why, for a figure and in the audit list', async () => {
    const res = await w.app.inject({
      url: '/api/audit/figure?unit=381&indicator=GO&year=2023',
      headers: viewer.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.figure).toBe('381/GO/2023');
    expect(body.workflows).toHaveLength(1);
    expect(
      body.workflows[0].steps.map((s: Record<string, unknown>) => [s.action, s.from, s.to, s.user, s.reason]),
    ).toEqual([
      ['submit', 'draft', 'submitted', 'lan', null],
      ['approve', 'submitted', 'approved', 'hoa', null],
      ['reopen', 'approved', 'reopened', 'hoa', 'Cục Thống kê công bố số chính thức'],
    ]);
    const list = await w.app.inject({
      url: '/api/audit?entity=workflow&id=NQ-XI/381/2023',
      headers: viewer.headers,
    });
    expect(
      list.json().entries.map((e: Record<string, unknown>) => [e.action, e.user, e.old, e.new, e.unit]),
    ).toEqual([
      ['reopen', 'hoa', { state: 'approved' }, { state: 'reopened' }, '381'],
      ['approve', 'hoa', { state: 'submitted' }, { state: 'approved' }, '381'],
      ['submit', 'lan', { state: 'draft' }, { state: 'submitted' }, '381'],
    ]);
    expect(list.json().entries[0].ip).toBe('127.0.0.1');
    // Another unit's viewer sees none of it; user administration is for global readers only.
    await w.user('nam', [{ role: 'viewer', unit: '382' }]);
    const other = await signIn(w.app, 'nam');
    expect(
      (await w.app.inject({ url: '/api/audit?entity=workflow', headers: other.headers })).json().entries,
    ).toEqual([]);
    expect(
      (await w.app.inject({ url: '/api/audit?entity=user', headers: viewer.headers })).json().entries,
    ).toEqual([]);
    const forAdmin = await w.app.inject({
      url: '/api/audit?entity=user&user=system',
      headers: admin.headers,
    });
    expect(forAdmin.json().entries.map((e: { entityId: string }) => e.entityId)).toContain('lan');
    expect(
      (
        await w.app.inject({
          url: '/api/audit/figure?unit=382&indicator=GO&year=2023',
          headers: viewer.headers,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('filters the audit list by user and time', async () => {
    const all = await listAudit(w.t.handle.db, { user: 'hoa' });
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.every((e) => e.user === 'hoa')).toBe(true);
    const at = all[0]?.at as string;
    const res = await w.app.inject({
      url: `/api/audit?user=hoa&from=${encodeURIComponent(at)}&to=${at.slice(0, 10)}`,
      headers: admin.headers,
    });
    expect(res.json().entries.map((e: { id: number }) => e.id)).toContain(all[0]?.id);
    const none = await w.app.inject({ url: '/api/audit?user=hoa&to=2000-01-01', headers: admin.headers });
    expect(none.json().entries).toEqual([]);
  });
});
