/**
 * The figure write path applies the shared rules (issue 10): what is wrong is refused with a located
 * sentence and nothing is written; what is only suspicious is accepted with a warning.
 */

import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthWorld, authWorld, type Browser, signIn } from '../auth/test-kit.js';

describe.each(await testDialects())('figure rules through the API, on %s', (dialect) => {
  let w: AuthWorld;
  let admin: Browser;
  beforeAll(async () => {
    w = await authWorld(dialect);
    await w.user('root', [{ role: 'admin', unit: null }]);
    admin = await signIn(w.app, 'root');
  });
  afterAll(async () => w?.close());

  const post = (payload: Record<string, unknown>, lang = 'en') =>
    w.app.inject({
      method: 'POST',
      url: '/api/figures',
      headers: { ...admin.headers, 'accept-language': lang },
      payload,
    });
  const count = async () =>
    Number(
      (
        await w.t.handle.db
          .selectFrom('indicator_values')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a rate above 100 % and a negative count, saying the bound, and writes nothing', async () => {
    const before = await count();
    const rate = await post({ unit: '381', indicator: 'POOR', year: 2022, status: 'official', value: 250 });
    expect(rate.statusCode).toBe(422);
    expect(rate.json().error.details[0].path).toBe('body.value');
    expect(rate.json().error.details[0].message).toMatch(/250/);
    expect(rate.json().error.details[0].message).toMatch(/100/);
    const negative = await post({ unit: '381', indicator: 'GO', year: 2022, status: 'estimate', value: -5 });
    expect(negative.statusCode).toBe(422);
    const vi = await post({ unit: '381', indicator: 'GO', year: 2022, status: 'estimate', value: -5 }, 'vi');
    expect(vi.json().error.details[0].message).not.toBe(negative.json().error.details[0].message);
    expect(await count()).toBe(before);
  });

  it('refuses a year far outside every plan of the unit', async () => {
    const res = await post({ unit: '381', indicator: 'GO', year: 2099, status: 'plan', value: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.year');
  });

  it('accepts a value 10× the year before with a warning, and one without', async () => {
    // GO of 381 was 15372 in 2021 (official).
    const jump = await post({ unit: '381', indicator: 'GO', year: 2022, status: 'official', value: 170000 });
    expect(jump.statusCode).toBe(201);
    expect(jump.json().warnings).toEqual([
      expect.objectContaining({ path: 'value', code: 'value-jump', message: expect.stringMatching(/2021/) }),
    ]);
    const plain = await post({ unit: '382', indicator: 'GO', year: 2022, status: 'official', value: 30000 });
    expect(plain.statusCode).toBe(201);
    expect(plain.json().warnings).toBeUndefined();
  });
});
