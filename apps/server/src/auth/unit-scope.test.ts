import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, signIn } from './test-kit.js';

/** Managing a district does not make one a manager of the country: new top-level units and moves. */
describe.each(await testDialects())('unit scope of managers on %s', (dialect) => {
  let w: AuthWorld;
  const as = async (name: string) => (await signIn(w.app, name)).headers;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('quan-ly-thi-xa', [{ role: 'manager', unit: '381' }]);
    await w.user('quan-tri', [{ role: 'admin', unit: null }]);
  });
  afterAll(async () => w?.close());

  it('Given a manager of town 381, When they create a unit without a parent, Then 403; under their town, 201', async () => {
    const headers = await as('quan-ly-thi-xa');
    const top = await w.app.inject({
      method: 'POST',
      url: '/api/units',
      headers,
      payload: { code: '99', name: 'Tỉnh Mới', level: 'province' },
    });
    expect(top.statusCode).toBe(403);
    const nullParent = await w.app.inject({
      method: 'POST',
      url: '/api/units',
      headers,
      payload: { code: '99', name: 'Tỉnh Mới', level: 'province', parent: null },
    });
    expect(nullParent.statusCode).toBe(403);
    const ward = await w.app.inject({
      method: 'POST',
      url: '/api/units',
      headers,
      payload: { code: '38199', name: 'Phường Mới', level: 'commune', parent: '381' },
    });
    expect(ward.statusCode).toBe(201);
  });

  it('Given a manager of town 381, When they move their town to the top or under another unit, Then 403', async () => {
    const headers = await as('quan-ly-thi-xa');
    const current = (await w.app.inject({ method: 'GET', url: '/api/units/381', headers })).json();
    for (const parent of [null, '382']) {
      const res = await w.app.inject({
        method: 'PATCH',
        url: '/api/units/381',
        headers,
        payload: { parent, version: current.version },
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('Given a global administrator, When they create a top-level unit, Then 201', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: await as('quan-tri'),
      payload: { code: '98', name: 'Tỉnh Khác', level: 'province' },
    });
    expect(res.statusCode).toBe(201);
  });
});
