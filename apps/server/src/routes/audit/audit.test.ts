import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../../auth/test-kit.js';

/**
 * The question of issue 5, answered from the API for one figure: who changed it, when, from
 * what, and who approved it — and approved figures refuse changes until reopened with a reason.
 */
describe.each(await testDialects())('a figure’s story on %s', (dialect) => {
  let w: AuthWorld;
  let lan: Browser;
  let hoa: Browser;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('lan', [{ role: 'editor', unit: '381' }]);
    await w.user('hoa', [{ role: 'manager', unit: '381' }]);
    await w.user('kim', [{ role: 'editor', unit: '381', indicators: ['POP'] }]);
    [lan, hoa] = await Promise.all([signIn(w.app, 'lan'), signIn(w.app, 'hoa')]);
  });
  afterAll(async () => w?.close());

  const enter = (who: Browser, body: Record<string, unknown>, lang = 'vi') =>
    w.app.inject({
      method: 'POST',
      url: '/api/figures',
      headers: { ...who.headers, 'accept-language': lang },
      payload: { indicator: 'GO', unit: '381', year: 2023, status: 'official', ...body },
    });
  const step = (who: Browser, action: string, extra: Record<string, unknown> = {}) =>
    w.app.inject({
      method: 'POST',
      url: `/api/workflow/${action}`,
      headers: who.headers,
      payload: { plan: 'NQ-XI', unit: '381', year: 2023, ...extra },
    });

  it('keeps an editor to their units and assigned indicators', async () => {
    expect((await enter(lan, { unit: '382', value: 1 })).statusCode).toBe(403);
    const kim = await signIn(w.app, 'kim');
    expect((await enter(kim, { value: 1 })).statusCode).toBe(403);
    expect((await enter(kim, { indicator: 'POP', year: 2024, value: 64900 })).statusCode).toBe(201);
  });

  it('refuses changes to approved figures with the reason (409) until reopened', async () => {
    const first = await enter(lan, { value: 19050.5 });
    expect(first.statusCode).toBe(201);
    const version = first.json().version;
    expect((await step(lan, 'submit')).statusCode).toBe(200);
    expect((await step(hoa, 'approve')).statusCode).toBe(200);
    const locked = await enter(lan, { value: 19100, version }, 'en');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({
      code: 'figures-locked',
      details: [
        {
          path: 'body.year',
          message: expect.stringMatching(
            /^The 2023 figures of unit 381 for plan NQ-XI were approved by hoa on \d{4}-\d{2}-\d{2}; they must be reopened, with a reason, before they can change\.$/,
          ),
        },
      ],
    });
    // Nor through the figure's own address.
    const patched = await w.app.inject({
      method: 'PATCH',
      url: `/api/figures/${first.json().id}`,
      headers: lan.headers,
      payload: { value: 19100, version },
    });
    expect(patched.statusCode).toBe(409);
    expect((await step(hoa, 'reopen', { reason: 'Cục Thống kê điều chỉnh số chính thức' })).statusCode).toBe(
      200,
    );
    const changed = await w.app.inject({
      method: 'POST',
      url: '/api/figures',
      headers: { ...lan.headers, 'x-change-reason': encodeURIComponent('Số chính thức điều chỉnh') },
      payload: { indicator: 'GO', unit: '381', year: 2023, status: 'official', value: 19100, version },
    });
    expect(changed.statusCode).toBe(200);
  });

  it('tells who changed the figure, when, from what, and who approved it', async () => {
    const res = await w.app.inject({
      url: '/api/audit/figure?unit=381&indicator=GO&year=2023',
      headers: hoa.headers,
    });
    expect(res.statusCode).toBe(200);
    const story = res.json();
    const official = story.entries.filter((e: { new: { status: string } }) => e.new?.status === 'official');
    expect(official.map((e: Record<string, unknown>) => [e.user, e.action, e.old, e.new, e.reason])).toEqual([
      [
        'lan',
        'update',
        { value: 19050.5, status: 'official', source: null, note: null },
        { value: 19100, status: 'official', source: null, note: null },
        'Số chính thức điều chỉnh',
      ],
      ['lan', 'create', null, { value: 19050.5, status: 'official', source: null, note: null }, null],
    ]);
    expect(
      official.every((e: { at: string; ip: string }) => e.at.length === 24 && e.ip === '127.0.0.1'),
    ).toBe(true);
    const [workflow] = story.workflows;
    expect(workflow).toMatchObject({ plan: 'NQ-XI', unit: '381', year: 2023, state: 'reopened' });
    expect(workflow.steps.map((s: Record<string, unknown>) => [s.action, s.user, s.reason])).toEqual([
      ['submit', 'lan', null],
      ['approve', 'hoa', null],
      ['reopen', 'hoa', 'Cục Thống kê điều chỉnh số chính thức'],
    ]);
    // The same entries through the general list and its filters.
    const listed = await w.app.inject({
      url: '/api/audit?entity=figure&id=381/GO/2023&user=lan',
      headers: hoa.headers,
    });
    expect(listed.json().entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });
});
