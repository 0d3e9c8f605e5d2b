import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle, openDatabase, parseDatabaseUrl, testDialects } from '@chitieu/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { signIn } from '../../auth/test-kit.js';
import { type DomainWorld, domainWorld } from '../domain-test-kit.js';

const DEMO = fileURLToPath(new URL('../../../../../demo/thi-xa-demo.yaml', import.meta.url));
const URL_2024 = '/api/plans/NQ-DH-XV/evaluation?year=2024';
const actualOf = (body: string) =>
  JSON.parse(body).targets.find((t: { code: string }) => t.code === '1').actual;

// The data version of a cached evaluation comes from the access check's plan lookup (no query of
// its own): these tests pin that it is still read on every request, by anonymous readers too, and
// across two servers sharing one database.
describe.each(await testDialects())('cached evaluation on %s', (dialect) => {
  let w: DomainWorld;
  let other: { handle: DatabaseHandle; app: FastifyInstance };
  const anonymous = (url: string) => w.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    w = await domainWorld(dialect);
    expect((await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'))).statusCode).toBe(200);
    const target = parseDatabaseUrl(w.t.url);
    if (!target.ok) throw new Error(target.problem);
    const handle = openDatabase(target.target, { poolSize: 2 });
    other = { handle, app: await buildApp({ database: handle, logger: false }) };
    await other.app.ready();
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.handle.destroy();
    await w?.close();
  });

  it('an anonymous reader sees a figure written through another server at once', async () => {
    const first = await anonymous(URL_2024);
    expect(first.statusCode).toBe(200);
    expect((await anonymous(URL_2024)).body).toBe(first.body);
    const admin = await signIn(other.app, 'admin');
    const written = await other.app.inject({
      method: 'POST',
      url: '/api/figures',
      headers: admin.headers,
      payload: { unit: '502', indicator: 'GO', year: 2024, value: 123456789, status: 'official' },
    });
    expect(written.statusCode, written.body).toBe(201);
    const after = await anonymous(URL_2024);
    expect(after.statusCode).toBe(200);
    expect(actualOf(after.body)).not.toBe(actualOf(first.body));
  });

  it('a plan made private is refused to an anonymous reader even while its evaluation is cached', async () => {
    expect((await anonymous(URL_2024)).statusCode).toBe(200);
    expect((await w.call('GET', URL_2024)).statusCode).toBe(200);
    await other.handle.db
      .updateTable('plans')
      .set({ visibility: 'private' })
      .where('code', '=', 'NQ-DH-XV')
      .execute();
    expect((await anonymous(URL_2024)).statusCode).toBe(401);
    expect((await w.call('GET', URL_2024)).statusCode).toBe(200);
  });
});
