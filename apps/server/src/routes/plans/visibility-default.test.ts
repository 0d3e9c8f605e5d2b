import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from '../domain-test-kit.js';

/** A plan is public only when someone marks it so: through the API as through a plan file. */
describe.each(await testDialects())('plan visibility by default on %s', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await domainWorld(dialect);
    const unit = await w.call('POST', '/api/units', { code: '70', name: 'Tỉnh Thử', level: 'province' });
    expect(unit.statusCode).toBe(201);
  });
  afterAll(async () => w?.close());

  it('Given a plan created without a visibility, When anyone asks for it unsigned, Then it is private (401)', async () => {
    const created = await w.call('POST', '/api/plans', {
      code: 'KH-70',
      title: { vi: 'Kế hoạch thử' },
      unit: '70',
      baselineYear: 2020,
      targetYear: 2025,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().visibility).toBe('private');
    const anonymous = await w.app.inject({ method: 'GET', url: '/api/plans/KH-70/evaluation?year=2023' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('Given a plan marked public, When anyone asks for its evaluation unsigned, Then they get it', async () => {
    const created = await w.call('POST', '/api/plans', {
      code: 'KH-70-CK',
      title: { vi: 'Kế hoạch công khai' },
      unit: '70',
      baselineYear: 2020,
      targetYear: 2025,
      visibility: 'public',
    });
    expect(created.statusCode).toBe(201);
    const anonymous = await w.app.inject({ method: 'GET', url: '/api/plans/KH-70-CK/evaluation?year=2023' });
    expect(anonymous.statusCode).toBe(200);
  });
});
